namespace Readout.Storage;

/// <summary>An actor (canonical name and country) with the number of events it is the source or target of.</summary>
/// <param name="Sector">One of the sectors stored for this name and country.</param>
/// <param name="FirstDate">Earliest event date start, or null when none of its events is dated.</param>
public sealed record ActorSummary(string Name, string? Country, string? Sector, int EventCount, DateOnly? FirstDate, DateOnly? LastDate);
