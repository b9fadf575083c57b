namespace Feed.LoadTest;

/// <summary>The figures of one run: what was asked, what was published, what arrived, and what it cost the server.</summary>
public sealed class LoadReport
{
    public string RunId { get; init; } = "";
    public DateTimeOffset StartedAt { get; init; }
    public string Target { get; init; } = "";
    public string Url { get; init; } = "";
    public string Protocol { get; init; } = "";
    /// <summary>The subscribers' hub client: websocket (the tool's own JSON reader) or signalr (the official .NET client).</summary>
    public string Client { get; init; } = "";
    public int Subscribers { get; init; }
    public int FeedsPerSubscriber { get; init; }
    public int Feeds { get; init; }
    public double Rate { get; init; }
    public double DurationSeconds { get; init; }
    public double WarmupSeconds { get; init; }
    public double DrainSeconds { get; init; }
    public int Seed { get; init; }

    /// <summary>Size of one delivered message (a feed item as JSON), for comparing runs and servers.</summary>
    public int MessageBytes { get; init; }

    public double ConnectSeconds { get; init; }

    public int ArticlesPlanned { get; init; }
    public int ArticlesPublished { get; init; }
    public long PublishErrors { get; init; }
    public List<string> PublishErrorSamples { get; init; } = [];
    /// <summary>Articles acknowledged per second over the publishing window.</summary>
    public double PublishedPerSecond { get; init; }
    /// <summary>Worst delay of a send behind its paced schedule (all in-flight slots busy, or the tool starved of CPU).</summary>
    public double MaxSendLagMs { get; init; }
    /// <summary>Time from sending a publish to its acknowledgement.</summary>
    public LatencySummary PublishLatencyMs { get; init; } = new();

    public long ExpectedDeliveries { get; init; }
    public long Deliveries { get; init; }
    public long Lost { get; init; }
    public long Duplicated { get; init; }
    public long CrossFeedCopies { get; init; }
    public long OutOfOrder { get; init; }
    public long Unexpected { get; init; }
    public long DeliveredUnacknowledged { get; init; }
    public long Foreign { get; init; }
    public int Disconnected { get; init; }
    public double DeliveriesPerSecond { get; init; }

    /// <summary>Publish (send) to receive, for every first delivery.</summary>
    public LatencySummary LatencyMs { get; init; } = new();

    /// <summary>Each second from the first send: deliveries received and the worst latency among them.</summary>
    public List<TimelineSecond> Timeline { get; init; } = [];

    public List<ServerUsage> Servers { get; init; } = [];
    public double ToolCpuSeconds { get; init; }

    /// <summary>CPU seconds every process on the machine used in the measured window, and the share of all cores that is.</summary>
    public double MachineCpuSeconds { get; init; }
    public double MachineCpuBusyPercent { get; init; }
    /// <summary>Machine CPU not used by the measured servers or this tool: other work sharing the machine.</summary>
    public double OtherCpuSeconds { get; init; }
    public double LoadAverageAtStart { get; init; }

    /// <summary>Set once the figures are in: no loss, duplicate, disorder, stray delivery, publish error or dropped connection.</summary>
    public bool Passed { get; set; }
    public List<string> Problems { get; set; } = [];
}

public sealed class LatencySummary
{
    public long Count { get; init; }
    public double P50 { get; init; }
    public double P90 { get; init; }
    public double P99 { get; init; }
    public double P999 { get; init; }
    public double Max { get; init; }
    public double Mean { get; init; }
}

public sealed class TimelineSecond
{
    public int Second { get; init; }
    public long Deliveries { get; init; }
    public double WorstLatencyMs { get; init; }
}

public sealed class ServerUsage
{
    public int Pid { get; init; }
    /// <summary>CPU (user + system) the process used from the first publish to the end of the drain.</summary>
    public double CpuSeconds { get; init; }
    public double CpuSecondsPer1000Deliveries { get; init; }
    /// <summary>Highest VmRSS seen while sampling during the run.</summary>
    public double PeakRssMb { get; init; }
    /// <summary>The kernel's VmHWM at the end: the highest resident memory since the process started.</summary>
    public double HighWaterRssMb { get; init; }
}
