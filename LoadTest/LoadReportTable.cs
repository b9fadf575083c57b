using System.Globalization;

namespace Feed.LoadTest;

/// <summary>The report as a plain text table for the operator's terminal.</summary>
public static class LoadReportTable
{
    public static void Write(LoadReport r, TextWriter o)
    {
        var c = CultureInfo.InvariantCulture;
        void Row(string name, string value) => o.WriteLine(string.Create(c, $"  {name,-36} {value}"));
        string N(double v) => v.ToString("#,0.###", c);
        string L(LatencySummary s) => string.Create(c,
            $"p50 {s.P50:0.00}  p90 {s.P90:0.00}  p99 {s.P99:0.00}  p99.9 {s.P999:0.00}  max {s.Max:0.00}  (ms, n={s.Count:#,0})");

        o.WriteLine();
        o.WriteLine($"Feed load run {r.RunId} — {r.Target} target, {r.Url}, {r.Protocol} through the {r.Client} client");
        Row("subscribers S / follows K / feeds F", $"{N(r.Subscribers)} / {r.FeedsPerSubscriber} / {r.Feeds}");
        Row("rate R × duration D", $"{N(r.Rate)}/s × {N(r.DurationSeconds)} s (warm-up {N(r.WarmupSeconds)} s, drain {N(r.DrainSeconds)} s, seed {r.Seed})");
        Row("message size (as JSON)", $"{N(r.MessageBytes)} bytes");
        Row("connect + subscribe", $"{r.ConnectSeconds:0.0} s");
        o.WriteLine("  publishing");
        Row("articles published / planned", $"{N(r.ArticlesPublished)} / {N(r.ArticlesPlanned)}  ({r.PublishedPerSecond:0.0}/s)");
        Row("publish errors", N(r.PublishErrors));
        Row("publish ack latency", L(r.PublishLatencyMs));
        Row("max send lag behind schedule", $"{r.MaxSendLagMs:0.0} ms");
        o.WriteLine("  deliveries");
        Row("delivered / expected", $"{N(r.Deliveries)} / {N(r.ExpectedDeliveries)}");
        Row("deliveries per second", N(Math.Round(r.DeliveriesPerSecond)));
        Row("lost", N(r.Lost));
        Row("duplicated", N(r.Duplicated));
        Row("out of order", N(r.OutOfOrder));
        Row("unexpected", N(r.Unexpected));
        if (r.CrossFeedCopies > 0) Row("cross-feed copies (baseline groups)", N(r.CrossFeedCopies));
        if (r.DeliveredUnacknowledged > 0) Row("delivered though publish failed", N(r.DeliveredUnacknowledged));
        if (r.Foreign > 0) Row("uncounted (warm-up, other runs)", N(r.Foreign));
        Row("connections dropped", N(r.Disconnected));
        Row("publish → receive latency", L(r.LatencyMs));
        foreach (var s in r.Servers)
        {
            o.WriteLine($"  server pid {s.Pid}");
            Row("CPU seconds", $"{s.CpuSeconds:0.00}");
            Row("CPU seconds per 1,000 deliveries", $"{s.CpuSecondsPer1000Deliveries:0.0000}");
            Row("peak RSS (sampled) / VmHWM", $"{s.PeakRssMb:0} MB / {s.HighWaterRssMb:0} MB");
        }
        Row("load tool CPU seconds", $"{r.ToolCpuSeconds:0.00}");
        Row("machine CPU busy (other processes)", $"{r.MachineCpuBusyPercent:0}% ({r.OtherCpuSeconds:0.00} s of other work; load avg at start {r.LoadAverageAtStart:0.00})");
        if (r.Timeline.Count > 0)
        {
            var worst = r.Timeline.MaxBy(t => t.WorstLatencyMs)!;
            Row("worst second", $"second {worst.Second}: max latency {worst.WorstLatencyMs:0.0} ms over {N(worst.Deliveries)} deliveries");
        }
        o.WriteLine(r.Passed ? "  RESULT: PASS" : "  RESULT: FAIL — " + string.Join("; ", r.Problems));
    }
}
