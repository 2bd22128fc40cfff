using Readout.Core;
using Readout.Core.Layers;

namespace Readout.Storage;

/// <summary>
/// A stored event with its article's metadata. Every span (<see cref="CodedEvent.Evidence"/>,
/// <see cref="CodedEvent.Trigger"/>, argument spans, <see cref="CodedEvent.MoreEvidence"/>) is an
/// absolute UTF-16 offset range into the article's text.
/// </summary>
/// <param name="Id">Store-wide event id; new ids are issued when an article is replaced.</param>
/// <param name="Event">The event as coded; <see cref="CodedEvent.Id"/> is its id within the article ("e1").</param>
/// <param name="SentenceText">The sentence the event was read from (the evidence text when the
/// document had no sentence layer).</param>
/// <param name="SentenceSpan">Where <paramref name="SentenceText"/> is in the article.</param>
/// <param name="DateStart">First day of the event's date, when it is a calendar date.</param>
/// <param name="DateEnd">Last day of the event's date, when it is a calendar date.</param>
public sealed record StoredEvent(
    long Id,
    long ArticleId,
    ArticleInfo Article,
    CodedEvent Event,
    string SentenceText,
    TextSpan SentenceSpan,
    DateOnly? DateStart,
    DateOnly? DateEnd);
