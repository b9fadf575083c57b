using HdrHistogram;

namespace Feed.LoadTest;

/// <summary>Turns a histogram of microseconds into the millisecond percentiles a report shows.</summary>
public static class LatencySummaries
{
    public static LatencySummary Of(HistogramBase micros)
    {
        if (micros.TotalCount == 0) return new LatencySummary();
        double Ms(double us) => Math.Round(us / 1000.0, 3);
        return new LatencySummary
        {
            Count = micros.TotalCount,
            P50 = Ms(micros.GetValueAtPercentile(50)),
            P90 = Ms(micros.GetValueAtPercentile(90)),
            P99 = Ms(micros.GetValueAtPercentile(99)),
            P999 = Ms(micros.GetValueAtPercentile(99.9)),
            Max = Ms(micros.GetMaxValue()),
            Mean = Ms(micros.GetMean()),
        };
    }
}
