using Readout.Core.Layers;

namespace Readout.Storage;

/// <summary>The number of events of one type whose date starts in one period.</summary>
/// <param name="PeriodStart">First day of the period (a Monday for weeks, the 1st for months).</param>
public sealed record TimelineCount(DateOnly PeriodStart, EventType Type, int Count);
