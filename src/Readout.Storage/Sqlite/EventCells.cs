using System.Text.Json;
using Readout.Core;
using Readout.Core.Layers;

namespace Readout.Storage.Sqlite;

/// <summary>Reads the values of an event's JSON array (SQLite's <c>json_array</c>) one after another.</summary>
internal ref struct EventCells
{
    private Utf8JsonReader _reader;

    public EventCells(ReadOnlySpan<byte> json)
    {
        _reader = new Utf8JsonReader(json);
        if (!_reader.Read() || _reader.TokenType != JsonTokenType.StartArray)
        {
            throw new InvalidDataException("An event's cells are not a JSON array.");
        }
    }

    public string String() => StringOrNull() ?? throw new InvalidDataException("A required event column is null.");

    public string? StringOrNull()
    {
        Next();
        return _reader.TokenType == JsonTokenType.Null ? null : _reader.GetString();
    }

    public int Int()
    {
        Next();
        return _reader.GetInt32();
    }

    public long Long()
    {
        Next();
        return _reader.GetInt64();
    }

    /// <summary>Text, start, length, name, country, sector and role of a source, target or attribution.</summary>
    public EventArgument? Argument()
    {
        string? text = StringOrNull();
        int? start = IntOrNull(), length = IntOrNull();
        string? name = StringOrNull(), country = StringOrNull(), sector = StringOrNull(), role = StringOrNull();
        return name is null ? null : new EventArgument(text ?? "", new TextSpan(start ?? 0, length ?? 0), new Actor(name, country, sector, role));
    }

    private int? IntOrNull()
    {
        Next();
        return _reader.TokenType == JsonTokenType.Null ? null : _reader.GetInt32();
    }

    private void Next()
    {
        if (!_reader.Read() || _reader.TokenType == JsonTokenType.EndArray)
        {
            throw new InvalidDataException("An event's cells end too early.");
        }
    }
}
