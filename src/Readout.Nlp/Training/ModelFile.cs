using System.IO.Compression;

namespace Readout.Nlp.Training;

/// <summary>
/// The envelope shared by Readout's model files: gzip, then a magic string and a format version,
/// then the model's own fields. Disposing the returned reader or writer closes the gzip layer only;
/// the caller's stream stays open.
/// </summary>
internal static class ModelFile
{
    /// <exception cref="InvalidDataException">The magic string differs or the version is outside <c>[minVersion, maxVersion]</c>.</exception>
    public static BinaryReader OpenRead(Stream stream, string magic, string kind, int minVersion, int maxVersion, out int version)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new BinaryReader(new BufferedStream(new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true), 1 << 16));
        try
        {
            if (reader.ReadString() != magic)
            {
                throw new InvalidDataException($"Not a Readout {kind} model.");
            }

            version = reader.ReadInt32();
            if (version < minVersion || version > maxVersion)
            {
                throw new InvalidDataException($"{kind} model version {version} is not supported (expected {maxVersion}).");
            }

            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    public static BinaryWriter OpenWrite(Stream stream, string magic, int version)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var writer = new BinaryWriter(new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true));
        writer.Write(magic);
        writer.Write(version);
        return writer;
    }
}
