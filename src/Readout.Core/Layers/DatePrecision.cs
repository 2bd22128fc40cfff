namespace Readout.Core.Layers;

public enum DatePrecision
{
    None,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
}
