using System.Diagnostics;
using System.Text.Json;
using Feed.LoadTest.Baseline;

namespace Feed.LoadTest;

/// <summary>
/// One load run: connect S subscribers (each following K of F country feeds), publish R articles/s for D s,
/// wait for the deliveries, then tally every one against the plan. Usable in-process (tests) and by Program.
/// </summary>
public static class LoadRunner
{
    private const int ErrorSamplesKept = 5;

    // Seconds the timeline keeps past D + drain, for publishes answered late.
    private const int TimelineSlackSeconds = 30;

    public static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<LoadReport> RunAsync(LoadOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        options.Validate();
        if (options.Target != LoadTarget.Baseline) return await RunAgainstAsync(options, progress, cancellationToken);

        await using var baseline = await BaselineProcess.StartAsync(options.BaselinePort, options.BaselineStartTimeout, progress, cancellationToken);
        return await RunAgainstAsync(options with { Url = baseline.Url, ServerPids = [.. options.ServerPids, baseline.Pid] },
            progress, cancellationToken);
    }

    private static async Task<LoadReport> RunAgainstAsync(LoadOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var baseUrl = options.Url.AbsoluteUri.EndsWith('/') ? options.Url : new Uri(options.Url.AbsoluteUri + "/");
        var runId = Guid.NewGuid().ToString("N")[..8];
        var articleCount = options.ArticleCount;
        var plan = new LoadPlan(options.Subscribers, options.FeedsPerSubscriber, options.Feeds, articleCount, options.TwoCountryShare, options.Seed);
        var articles = new ArticleFactory(runId, plan, options.BodyChars);
        var ledger = new DeliveryLedger(articleCount, (int)Math.Ceiling(options.Duration.TotalSeconds + options.Drain.TotalSeconds) + TimelineSlackSeconds);
        var machine = new MachineProbe();
        var loadAtStart = MachineProbe.LoadAverage();
        var probes = options.ServerPids.Select(pid => ServerProbe.Exists(pid)
            ? new ServerProbe(pid)
            : throw new LoadSetupException($"--server-pid {pid}: no such process (this reads /proc/{pid}).")).ToList();

        progress.WriteLine($"Run {runId}: {options.Subscribers} subscribers × {options.FeedsPerSubscriber} of {options.Feeds} feeds, "
                           + $"{options.Rate}/s for {options.Duration.TotalSeconds} s via {options.Target} at {baseUrl}");
        await CheckHealthAsync(baseUrl, cancellationToken);

        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = SampleMemoryAsync(probes, options.MemorySampleInterval, sampling.Token);
        var subscribers = Enumerable.Range(0, options.Subscribers)
            .Select(i => new Subscriber(i, plan, articles, ledger, toleratesCrossFeedCopies: options.Target == LoadTarget.Baseline))
            .ToArray();
        IArticlePublisher? publisher = null;
        try
        {
            publisher = options.Target == LoadTarget.Silo
                ? await SiloArticlePublisher.ConnectAsync(options.Gateway, options.ClusterId, options.ServiceId, cancellationToken)
                : new HttpArticlePublisher(baseUrl, options.PublisherKey, options.HttpConnections, options.PublishTimeout);

            var connectWatch = Stopwatch.StartNew();
            await ConnectAllAsync(subscribers, new Uri(baseUrl, "hubs/feed"), options, progress, cancellationToken);
            var connectSeconds = connectWatch.Elapsed.TotalSeconds;

            if (options.Warmup > TimeSpan.Zero)
            {
                var count = (int)Math.Ceiling(options.Rate * options.Warmup.TotalSeconds);
                progress.WriteLine($"Warming up: {count} uncounted articles");
                var warmup = await PublishAllAsync(publisher, articles, null, count, options, progress, cancellationToken);
                if (warmup.Errors > 0) progress.WriteLine($"  warm-up publish errors: {warmup.Errors} (first: {warmup.ErrorSamples.FirstOrDefault()})");
            }

            progress.WriteLine($"Measuring: {options.ArticleCount} articles");
            foreach (var probe in probes) probe.StartWindow();
            machine.StartWindow();
            var toolCpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
            var publishing = await PublishAllAsync(publisher, articles, ledger, options.ArticleCount, options, progress, cancellationToken);
            var expected = ExpectedDeliveries(plan, ledger);
            await DrainAsync(ledger, expected, publishing.Errors == 0, options.Drain, progress, cancellationToken);
            await FlushAllAsync(subscribers, options, cancellationToken);
            var toolCpu = (Process.GetCurrentProcess().TotalProcessorTime - toolCpuAtStart).TotalSeconds;
            foreach (var probe in probes) probe.SampleMemory();

            var (machineBusy, machineCoreSeconds) = machine.SinceStart();
            var report = Tally(options, runId, startedAt, baseUrl, connectSeconds, plan, articles, ledger, subscribers, publishing, probes,
                toolCpu, machineBusy, machineCoreSeconds, loadAtStart);
            if (options.JsonPath is { Length: > 0 } path)
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, ReportJson), cancellationToken);
            LoadReportTable.Write(report, progress);
            return report;
        }
        finally
        {
            await sampling.CancelAsync();
            await sampler;
            await CloseAllAsync(subscribers, options.ConnectConcurrency);
            if (publisher is not null) await publisher.DisposeAsync();
        }
    }

    private static async Task CheckHealthAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var answer = await http.GetAsync("healthz", cancellationToken);
            if (!answer.IsSuccessStatusCode)
                throw new LoadSetupException($"{baseUrl}healthz answered {(int)answer.StatusCode}: the server is not ready.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new LoadSetupException($"{baseUrl} does not answer ({e.Message}). Is the server running there?", e);
        }
    }

    private static async Task ConnectAllAsync(Subscriber[] subscribers, Uri hubUrl, LoadOptions options, TextWriter progress,
        CancellationToken cancellationToken)
    {
        var connected = 0;
        var retried = 0;
        using var reporting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporter = RepeatAsync(options.ProgressInterval,
            () => progress.WriteLine($"  connected {Volatile.Read(ref connected)}/{subscribers.Length} (retries {Volatile.Read(ref retried)})"),
            reporting.Token);
        try
        {
            await Parallel.ForEachAsync(subscribers,
                new ParallelOptions { MaxDegreeOfParallelism = options.ConnectConcurrency, CancellationToken = cancellationToken },
                async (subscriber, ct) =>
                {
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            await subscriber.ConnectAsync(hubUrl, options.Client, options.MessagePack, ct);
                            Interlocked.Increment(ref connected);
                            return;
                        }
                        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                        {
                            if (attempt >= options.ConnectAttempts)
                                throw new LoadSetupException($"A subscriber could not connect to {hubUrl} and subscribe after {attempt} tries: {e.Message}", e);
                            Interlocked.Increment(ref retried);
                            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
                        }
                    }
                });
        }
        finally
        {
            await reporting.CancelAsync();
            await reporter;
        }
        progress.WriteLine($"  connected {connected}/{subscribers.Length} (retries {retried})");
    }

    private sealed record PublishOutcome(long Errors, List<string> ErrorSamples, double Seconds, double MaxSendLagMs);

    /// <summary>
    /// Sends article n at start + n/R (a pacer, not bursts), each publish on its own task, at most
    /// <see cref="LoadOptions.MaxInFlight"/> at once. Returns when every publish has been answered.
    /// Without a ledger these are warm-up articles: sent and answered, but not recorded.
    /// </summary>
    private static async Task<PublishOutcome> PublishAllAsync(IArticlePublisher publisher, ArticleFactory articles, DeliveryLedger? ledger,
        int count, LoadOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var slots = new SemaphoreSlim(options.MaxInFlight);
        var inFlight = new Task[count];
        long errors = 0;
        var samples = new List<string>();
        var sent = 0;
        long maxLag = 0;
        var ticksPerArticle = Stopwatch.Frequency / options.Rate;

        async Task PublishOne(int n)
        {
            try
            {
                var article = articles.Create(n, warmup: ledger is null);
                var sentAt = Stopwatch.GetTimestamp();
                ledger?.Sent(n, sentAt);
                await publisher.PublishAsync(article, cancellationToken);
                ledger?.Published(n, sentAt, Stopwatch.GetTimestamp());
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref errors);
                lock (samples)
                    if (samples.Count < ErrorSamplesKept) samples.Add($"article {n}: {e.GetType().Name}: {e.Message}");
            }
            finally
            {
                slots.Release();
            }
        }

        using var reporting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporter = RepeatAsync(options.ProgressInterval,
            () => progress.WriteLine($"  sent {Volatile.Read(ref sent)}/{count}, errors {Interlocked.Read(ref errors)}, " +
                                     $"in flight {options.MaxInFlight - slots.CurrentCount}, deliveries {ledger?.Deliveries:#,0}"),
            reporting.Token);
        var start = Stopwatch.GetTimestamp();
        try
        {
            for (var n = 0; n < count; n++)
            {
                var due = start + (long)(n * ticksPerArticle);
                var wait = due - Stopwatch.GetTimestamp();
                // Timers tick about once a millisecond: sleep when the next send is at least that far off,
                // otherwise send now; an overshoot is caught up by the following sends, so the average rate holds.
                if (wait > Stopwatch.Frequency / 1000) await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), cancellationToken);
                await slots.WaitAsync(cancellationToken);
                var lag = Stopwatch.GetTimestamp() - due;
                if (lag > maxLag) maxLag = lag;
                inFlight[n] = PublishOne(n);
                Volatile.Write(ref sent, n + 1);
            }
            await Task.WhenAll(inFlight);
        }
        finally
        {
            await reporting.CancelAsync();
            await reporter;
        }
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        progress.WriteLine($"  sent {count}/{count} in {seconds:0.0} s, errors {errors}" + (ledger is null ? "" : $", deliveries {ledger.Deliveries:#,0}"));
        return new PublishOutcome(errors, samples, seconds, maxLag * 1000.0 / Stopwatch.Frequency);
    }

    private static long ExpectedDeliveries(LoadPlan plan, DeliveryLedger ledger)
    {
        long expected = 0;
        for (var n = 0; n < ledger.Acknowledged.Length; n++)
            if (ledger.Acknowledged[n]) expected += plan.RecipientCountOf(n);
        return expected;
    }

    /// <summary>
    /// Waits for the deliveries still on their way: until all expected have arrived or the drain period ends.
    /// With publish errors the count cannot tell, so the whole period is waited.
    /// </summary>
    private static async Task DrainAsync(DeliveryLedger ledger, long expected, bool countIsExact, TimeSpan drain, TextWriter progress,
        CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < drain && !(countIsExact && ledger.Deliveries >= expected))
            await Task.Delay(20, cancellationToken);
        progress.WriteLine($"  drained for {watch.Elapsed.TotalSeconds:0.00} s: {ledger.Deliveries:#,0} of {expected:#,0} expected deliveries");
    }

    /// <summary>One hub round trip per subscriber, so anything the server sent before now has been read.</summary>
    private static Task FlushAllAsync(Subscriber[] subscribers, LoadOptions options, CancellationToken cancellationToken)
    {
        // A feed no subscriber follows: unsubscribing from it changes nothing but is answered in order.
        var unfollowed = CountryFeeds.RelationOf(CountryFeeds.Codes[0], CountryFeeds.Codes[1]);
        return Parallel.ForEachAsync(subscribers,
            new ParallelOptions { MaxDegreeOfParallelism = options.ConnectConcurrency, CancellationToken = cancellationToken },
            async (subscriber, ct) =>
            {
                try
                {
                    await subscriber.FlushAsync(unfollowed, ct).WaitAsync(options.PublishTimeout, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // A connection that does not answer is reported through its drop and its lost deliveries.
                }
            });
    }

    private static async Task CloseAllAsync(Subscriber[] subscribers, int concurrency) =>
        await Parallel.ForEachAsync(subscribers, new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (subscriber, _) => await subscriber.DisposeAsync());

    private static LoadReport Tally(LoadOptions options, string runId, DateTimeOffset startedAt, Uri baseUrl, double connectSeconds,
        LoadPlan plan, ArticleFactory articles, DeliveryLedger ledger, Subscriber[] subscribers, PublishOutcome publishing,
        List<ServerProbe> probes, double toolCpuSeconds, double machineBusySeconds, double machineCoreSeconds, double loadAtStart)
    {
        var serverCpu = probes.Select(p => (Probe: p, Cpu: p.CpuSecondsSinceStart())).ToList();
        long expected = 0, delivered = 0;
        var published = 0;
        for (var n = 0; n < ledger.Acknowledged.Length; n++)
        {
            if (!ledger.Acknowledged[n]) continue;
            published++;
            foreach (var s in plan.RecipientsOf(n))
            {
                expected++;
                if (subscribers[s].HasReceived(n)) delivered++;
            }
        }
        var firstDeliveries = subscribers.Sum(s => s.Delivered);
        var report = new LoadReport
        {
            RunId = runId,
            StartedAt = startedAt,
            Target = options.Target.ToString().ToLowerInvariant(),
            Url = baseUrl.ToString(),
            Protocol = options.MessagePack ? "messagepack" : "json",
            Client = options.Client switch { HubClient.WebSocket => "websocket", HubClient.EventStream => "sse", _ => "signalr" },
            Subscribers = options.Subscribers,
            FeedsPerSubscriber = options.FeedsPerSubscriber,
            Feeds = options.Feeds,
            Rate = options.Rate,
            DurationSeconds = options.Duration.TotalSeconds,
            WarmupSeconds = options.Warmup.TotalSeconds,
            DrainSeconds = options.Drain.TotalSeconds,
            Seed = options.Seed,
            MessageBytes = MessageBytesOf(articles),
            ConnectSeconds = Math.Round(connectSeconds, 2),
            ArticlesPlanned = ledger.Acknowledged.Length,
            ArticlesPublished = published,
            PublishErrors = publishing.Errors,
            PublishErrorSamples = publishing.ErrorSamples,
            PublishedPerSecond = Math.Round(published / publishing.Seconds, 1),
            MaxSendLagMs = Math.Round(publishing.MaxSendLagMs, 1),
            PublishLatencyMs = LatencySummaries.Of(ledger.PublishLatency),
            ExpectedDeliveries = expected,
            Deliveries = delivered,
            Lost = expected - delivered,
            Duplicated = subscribers.Sum(s => s.Duplicated),
            CrossFeedCopies = subscribers.Sum(s => s.CrossFeedCopies),
            OutOfOrder = subscribers.Sum(s => s.OutOfOrder),
            Unexpected = subscribers.Sum(s => s.Unexpected),
            DeliveredUnacknowledged = firstDeliveries - delivered,
            Foreign = subscribers.Sum(s => s.Foreign),
            Disconnected = subscribers.Count(s => s.ClosedUnexpectedly),
            DeliveriesPerSecond = DeliveriesPerSecond(ledger),
            LatencyMs = LatencySummaries.Of(ledger.Latency),
            Timeline = ledger.Timeline().Select(t => new TimelineSecond
            {
                Second = t.Second, Deliveries = t.Deliveries, WorstLatencyMs = Math.Round(t.WorstMicros / 1000.0, 1),
            }).ToList(),
            Servers = serverCpu.Select(s => new ServerUsage
            {
                Pid = s.Probe.Pid,
                CpuSeconds = Math.Round(s.Cpu, 2),
                CpuSecondsPer1000Deliveries = delivered == 0 ? 0 : Math.Round(s.Cpu * 1000 / delivered, 5),
                PeakRssMb = Math.Round(s.Probe.PeakSampledRssMb, 1),
                HighWaterRssMb = Math.Round(s.Probe.HighWaterRssMb(), 1),
            }).ToList(),
            ToolCpuSeconds = Math.Round(toolCpuSeconds, 2),
            MachineCpuSeconds = Math.Round(machineBusySeconds, 2),
            MachineCpuBusyPercent = machineCoreSeconds == 0 ? 0 : Math.Round(100 * machineBusySeconds / machineCoreSeconds, 1),
            OtherCpuSeconds = Math.Round(Math.Max(0, machineBusySeconds - toolCpuSeconds - serverCpu.Sum(s => s.Cpu)), 2),
            LoadAverageAtStart = loadAtStart,
        };
        var problems = new List<string>();
        if (report.Lost > 0) problems.Add($"{report.Lost:#,0} deliveries lost");
        if (report.Duplicated > 0) problems.Add($"{report.Duplicated:#,0} duplicated");
        if (report.OutOfOrder > 0) problems.Add($"{report.OutOfOrder:#,0} out of order");
        if (report.Unexpected > 0) problems.Add($"{report.Unexpected:#,0} unexpected");
        if (report.PublishErrors > 0) problems.Add($"{report.PublishErrors:#,0} publish errors (first: {report.PublishErrorSamples.FirstOrDefault()})");
        if (report.Disconnected > 0)
            problems.Add($"{report.Disconnected} connections dropped (first: {subscribers.First(s => s.ClosedUnexpectedly).CloseReason})");
        if (expected == 0) problems.Add("nothing was expected: no article reached a followed feed");
        report.Problems = problems;
        report.Passed = problems.Count == 0;
        return report;
    }

    private static double DeliveriesPerSecond(DeliveryLedger ledger)
    {
        var first = ledger.SentAt(0);
        var last = ledger.LastDeliveryAt;
        if (first == 0 || last <= first) return 0;
        return Math.Round(ledger.Deliveries / ((double)(last - first) / Stopwatch.Frequency), 1);
    }

    /// <summary>The size of one feed item as the JSON hub protocol carries it (Feed's Article shape, 1-country article).</summary>
    private static int MessageBytesOf(ArticleFactory articles)
    {
        var s = articles.Create(0);
        var article = new Article
        {
            Id = s.Id!, Headline = s.Headline!, Summary = s.Summary, Body = s.Body!, Url = s.Url, Source = s.Source,
            PublishedAt = DateTime.UtcNow, Countries = s.Countries!, Topics = [],
            Feeds = s.Countries!.Select(CountryFeeds.FeedOf).ToArray(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(new FeedItem(article.Feeds[0], 1, article), new JsonSerializerOptions(JsonSerializerDefaults.Web)).Length;
    }

    private static async Task SampleMemoryAsync(List<ServerProbe> probes, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (probes.Count == 0) return;
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                foreach (var probe in probes) probe.SampleMemory();
            } while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task RepeatAsync(TimeSpan interval, Action action, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken)) action();
        }
        catch (OperationCanceledException)
        {
        }
    }
}
