namespace Readout.Storage;

/// <summary>The length of one period of a timeline. Weeks start on Monday (ISO 8601).</summary>
public enum TimelineBucket
{
    Day,
    Week,
    Month,
}
