using System.Text.Json;
using Readout.Core;
using Readout.Core.Layers;
using Readout.Nlp.Events;

namespace Readout.Cli.Output;

/// <summary>
/// Writes one processed document as the `annotate` JSON contract (README): id, source, published,
/// sentences, tokens, entities, timexes, events. Offsets are UTF-16 code units, ends exclusive.
/// </summary>
public static class AnnotationJson
{
    /// <param name="ploverStrict">Write events as PLOVER codes them (<see cref="PloverStrict"/>).</param>
    public static void Write(Utf8JsonWriter w, Document doc, bool includeTokens, bool ploverStrict = false)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(doc);
        w.WriteStartObject();
        w.WriteString("id", doc.Id);
        WriteNullable(w, "source", doc.Metadata.Source);
        WriteNullable(w, "title", doc.Metadata.Title);
        WriteNullable(w, "url", doc.Metadata.Url);
        WriteNullable(w, "published", doc.Metadata.PublishedDate?.ToString("yyyy-MM-dd"));
        WriteNullable(w, "byline", doc.Metadata.Byline);
        WriteNullable(w, "dateline", doc.Metadata.Dateline);

        w.WriteStartArray("excluded");
        if (doc.TryGet(LayerKeys.Regions, out var regions))
        {
            foreach (var r in regions.Items)
            {
                w.WriteStartObject();
                w.WriteNumber("start", r.Span.Start);
                w.WriteNumber("end", r.Span.End);
                w.WriteString("kind", r.Kind.ToString().ToLowerInvariant());
                WriteNullable(w, "value", r.Value);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();

        w.WriteStartArray("sentences");
        if (doc.TryGet(LayerKeys.Sentences, out var sentences))
        {
            foreach (var s in sentences.Items)
            {
                w.WriteStartObject();
                w.WriteNumber("start", s.Span.Start);
                w.WriteNumber("end", s.Span.End);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();

        if (includeTokens && doc.TryGet(LayerKeys.Tokens, out var tokens))
        {
            doc.TryGet(LayerKeys.PartsOfSpeech, out var pos);
            doc.TryGet(LayerKeys.Dependencies, out var deps);
            w.WriteStartArray("tokens");
            for (int i = 0; i < tokens.Count; i++)
            {
                w.WriteStartObject();
                w.WriteNumber("start", tokens.Starts[i]);
                w.WriteNumber("end", tokens.Ends[i]);
                if (pos is not null)
                {
                    w.WriteString("upos", pos.Upos[i].ToString());
                    w.WriteString("xpos", pos.Xpos[i]);
                    w.WriteString("lemma", pos.Lemmas[i]);
                }

                if (deps is not null)
                {
                    w.WriteNumber("head", deps.Heads[i]);
                    w.WriteString("deprel", deps.Relations[i]);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("entities");
        if (doc.TryGet(LayerKeys.Entities, out var entities))
        {
            var actors = doc.TryGet(LayerKeys.Actors, out var a) ? a.ToDictionary(m => m.Entity) : [];
            for (int i = 0; i < entities.Count; i++)
            {
                var e = entities[i];
                w.WriteStartObject();
                w.WriteNumber("start", e.Span.Start);
                w.WriteNumber("end", e.Span.End);
                w.WriteString("text", e.Text);
                w.WriteString("kind", e.Kind.ToString().ToUpperInvariant());
                if (e.Sources != EntitySources.None)
                {
                    // Which recognizer found the mention: the rules, the trained name model, or both.
                    w.WriteString("found_by", e.Sources.ToString().ToLowerInvariant());
                }

                if (actors.TryGetValue(i, out var am))
                {
                    w.WriteString("canonical", am.Actor.Name);
                    WriteNullable(w, "country", am.Actor.Country);
                    WriteNullable(w, "sector", am.Actor.Sector);
                    WriteNullable(w, "role", am.Actor.Role);
                    w.WriteString("resolved_by", am.Evidence);
                }
                else
                {
                    w.WriteString("canonical", e.Text);
                    w.WriteNull("country");
                    w.WriteNull("sector");
                    w.WriteNull("role");
                }

                w.WriteEndObject();
            }
        }

        w.WriteEndArray();

        w.WriteStartArray("places");
        if (doc.TryGet(LayerKeys.Places, out var places))
        {
            foreach (var p in places)
            {
                w.WriteStartObject();
                w.WriteNumber("entity", p.Entity);
                w.WriteString("name", p.Name);
                WriteNullable(w, "country", p.Country);
                WriteNullable(w, "lat", p.Latitude);
                WriteNullable(w, "lon", p.Longitude);
                WriteNullable(w, "gazetteer_id", p.GazetteerId);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();

        w.WriteStartArray("timexes");
        if (doc.TryGet(LayerKeys.Timexes, out var timexes))
        {
            foreach (var t in timexes)
            {
                w.WriteStartObject();
                w.WriteNumber("start", t.Span.Start);
                w.WriteNumber("end", t.Span.End);
                w.WriteString("text", t.Text);
                w.WriteString("type", t.Type.ToString().ToUpperInvariant());
                w.WriteString("value", t.Value);
                WriteNullable(w, "mod", t.Mod);
                if (t.Reaches is { } reaches)
                {
                    // only on durations counted from the last date ("three days later"): the day the event is dated by
                    w.WriteString("reaches", reaches);
                }

                w.WriteEndObject();
            }
        }

        w.WriteEndArray();

        w.WriteStartArray("events");
        if (doc.TryGet(LayerKeys.Events, out var events))
        {
            foreach (var e in events)
            {
                WriteEvent(w, ploverStrict ? PloverStrict.Apply(e) : e);
            }
        }

        w.WriteEndArray();

        w.WriteStartArray("diagnostics");
        foreach (var d in doc.Diagnostics)
        {
            w.WriteStringValue(d.ToString());
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteEvent(Utf8JsonWriter w, CodedEvent e)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(e);
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("type", e.Type.ToString().ToUpperInvariant());
        WriteNullable(w, "mode", e.Mode);
        WriteNullable(w, "context", e.Context);
        w.WriteString("cameo", e.Cameo);
        WriteArgument(w, "source", e.Source);
        WriteArgument(w, "target", e.Target);
        WriteNullable(w, "date", e.Date);
        w.WriteString("date_precision", e.DatePrecision.ToString().ToLowerInvariant());
        WriteNullable(w, "date_source", e.DateSource);
        if (e.Location is { } loc)
        {
            w.WriteStartObject("location");
            w.WriteString("name", loc.Name);
            WriteNullable(w, "country", loc.Country);
            WriteNullable(w, "lat", loc.Latitude);
            WriteNullable(w, "lon", loc.Longitude);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("location");
        }

        w.WriteString("modality", e.Modality.ToString().ToLowerInvariant());
        WriteArgument(w, "attribution", e.Attribution);
        w.WriteStartObject("evidence");
        w.WriteNumber("sentence", e.Sentence);
        w.WriteNumber("start", e.Evidence.Start);
        w.WriteNumber("end", e.Evidence.End);
        w.WriteNumber("trigger_start", e.Trigger.Start);
        w.WriteNumber("trigger_end", e.Trigger.End);
        w.WriteEndObject();
        if (e.MoreEvidence.Count > 0)
        {
            w.WriteStartArray("more_evidence");
            foreach (var span in e.MoreEvidence)
            {
                w.WriteStartObject();
                w.WriteNumber("start", span.Start);
                w.WriteNumber("end", span.End);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteString("rule", e.Rule);
        w.WriteNumber("confidence", Math.Round(e.Confidence, 3));
        w.WriteEndObject();
    }

    private static void WriteArgument(Utf8JsonWriter w, string name, EventArgument? arg)
    {
        if (arg is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("text", arg.Text);
        w.WriteString("name", arg.Actor.Name);
        WriteNullable(w, "country", arg.Actor.Country);
        WriteNullable(w, "sector", arg.Actor.Sector);
        WriteNullable(w, "role", arg.Actor.Role);
        w.WriteNumber("start", arg.Span.Start);
        w.WriteNumber("end", arg.Span.End);
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Math.Round(v, 5));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
