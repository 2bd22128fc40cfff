namespace Readout.Storage;

/// <summary>Row counts and the span of event dates in a store.</summary>
public sealed record StoreStats(
    int SchemaVersion,
    long Articles,
    long Events,
    long Evidence,
    long Entities,
    long Places,
    long Timexes,
    long Regions,
    DateOnly? FirstEventDate,
    DateOnly? LastEventDate);
