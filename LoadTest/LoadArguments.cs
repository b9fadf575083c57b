using System.Globalization;

namespace Feed.LoadTest;

/// <summary>The command line of a load run, mapped onto <see cref="LoadOptions"/>. Bad input is a <see cref="LoadSetupException"/>.</summary>
public static class LoadArguments
{
    public const string Usage = """
        Feed load tool: S SignalR subscribers follow K of F country feeds; R articles/s are published for D s;
        every delivery is checked (latency, loss, duplicates, order) and the server's CPU and memory measured.

        usage: dotnet Feed.LoadTest.dll [options]
               dotnet Feed.LoadTest.dll serve-baseline --port P     (the bare SignalR server used by --target baseline)

          --url URL                  web front base address (hub /hubs/feed, API /api/articles)   [http://127.0.0.1:5080]
          --target http|silo|baseline  publish over HTTP, straight to the silo, or start and load the baseline server [http]
          --key KEY                  publisher key (X-Api-Key), required for --target http
          --gateway HOST:PORT        silo gateway for --target silo                                [127.0.0.1:30000]
          --cluster-id ID, --service-id ID   Orleans cluster of --target silo                      [feed, feed]
          -s, --subscribers S        SignalR connections                                           [100]
          -k, --follow K             feeds each subscriber follows                                 [3]
          -f, --feeds F              country feeds in play (first F ISO codes, at most 200)        [100]
          -r, --rate R               articles per second, paced                                    [100]
          -d, --duration D           seconds of publishing                                         [10]
          --warmup SECONDS           publish at rate R first, uncounted, to warm both sides up     [2]
          --drain SECONDS            wait for late deliveries before counting losses               [5]
          --seed N                   seed of follows and article countries                         [1]
          --two-country-share X      share of articles with two countries (3 feeds)                [0]
          --body-chars N             article body length; sets the message size                    [1000]
          --client websocket|signalr|sse  subscribers read the JSON protocol off a WebSocket themselves, use
                                     the official .NET SignalR client (needed for --messagepack), or
                                     read the Server-Sent Events stream /api/events instead of the hub  [websocket]
          --messagepack              MessagePack hub protocol instead of JSON (with --client signalr)
          --connect-concurrency N    connections opened at once                                    [50]
          --connect-attempts N       tries per connection before giving up                         [3]
          --max-in-flight N          publishes outstanding at once                                 [1000]
          --http-connections N       HTTP connections used for publishing                          [64]
          --publish-timeout SECONDS  longest one publish may take                                  [30]
          --server-pid PID[,PID]     server process(es) to measure CPU and memory of (repeatable)
          --memory-sample-ms MS      how often server memory is sampled                            [250]
          --progress-ms MS           how often progress is printed                                 [1000]
          --json PATH                also write the report as JSON
          --baseline-port P          port for the baseline server (0 = any free one)               [0]
          --baseline-start-timeout SECONDS                                                          [30]

        Exit code: 0 all delivered once and in order; 1 anything lost, duplicated, out of order, unexpected,
        a publish error or a dropped connection; 2 the run could not be set up.
        """;

    /// <summary>Null when help was asked for.</summary>
    public static LoadOptions? Parse(IReadOnlyList<string> args)
    {
        var o = new LoadOptions();
        var pids = new List<int>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value()
            {
                if (i + 1 >= args.Count) throw new LoadSetupException($"{name} needs a value.");
                return args[++i];
            }
            int Int() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
                ? v : throw new LoadSetupException($"{name} needs a whole number, not '{args[i]}'.");
            double Number() => double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? v : throw new LoadSetupException($"{name} needs a number, not '{args[i]}'.");
            TimeSpan Seconds() => TimeSpan.FromSeconds(Number());
            TimeSpan Millis() => TimeSpan.FromMilliseconds(Number());

            o = name switch
            {
                "-h" or "--help" => null,
                "--url" => o with
                {
                    Url = Uri.TryCreate(Value(), UriKind.Absolute, out var url) ? url : throw new LoadSetupException($"--url '{args[i]}' is not an absolute URL."),
                },
                "--target" => o with { Target = Value().ToLowerInvariant() switch
                {
                    "http" => LoadTarget.Http,
                    "silo" => LoadTarget.Silo,
                    "baseline" => LoadTarget.Baseline,
                    var t => throw new LoadSetupException($"--target '{t}': use http, silo or baseline."),
                } },
                "--key" => o with { PublisherKey = Value() },
                "--gateway" => o with { Gateway = Value() },
                "--cluster-id" => o with { ClusterId = Value() },
                "--service-id" => o with { ServiceId = Value() },
                "-s" or "--subscribers" => o with { Subscribers = Int() },
                "-k" or "--follow" => o with { FeedsPerSubscriber = Int() },
                "-f" or "--feeds" => o with { Feeds = Int() },
                "-r" or "--rate" => o with { Rate = Number() },
                "-d" or "--duration" => o with { Duration = Seconds() },
                "--warmup" => o with { Warmup = Seconds() },
                "--drain" => o with { Drain = Seconds() },
                "--seed" => o with { Seed = Int() },
                "--two-country-share" => o with { TwoCountryShare = Number() },
                "--body-chars" => o with { BodyChars = Int() },
                "--client" => o with { Client = Value().ToLowerInvariant() switch
                {
                    "websocket" => HubClient.WebSocket,
                    "signalr" => HubClient.SignalR,
                    "sse" => HubClient.EventStream,
                    var c => throw new LoadSetupException($"--client '{c}': use websocket, signalr or sse."),
                } },
                "--messagepack" => o with { MessagePack = true },
                "--connect-concurrency" => o with { ConnectConcurrency = Int() },
                "--connect-attempts" => o with { ConnectAttempts = Int() },
                "--max-in-flight" => o with { MaxInFlight = Int() },
                "--http-connections" => o with { HttpConnections = Int() },
                "--publish-timeout" => o with { PublishTimeout = Seconds() },
                "--server-pid" => AddPids(o, Value(), pids),
                "--memory-sample-ms" => o with { MemorySampleInterval = Millis() },
                "--progress-ms" => o with { ProgressInterval = Millis() },
                "--json" => o with { JsonPath = Value() },
                "--baseline-port" => o with { BaselinePort = Int() },
                "--baseline-start-timeout" => o with { BaselineStartTimeout = Seconds() },
                _ => throw new LoadSetupException($"Unknown option '{name}'. Run with --help for the list."),
            };
            if (o is null) return null;
        }
        return o;
    }

    private static LoadOptions AddPids(LoadOptions o, string text, List<int> pids)
    {
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            pids.Add(int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0
                ? pid : throw new LoadSetupException($"--server-pid '{part}' is not a process id."));
        return o with { ServerPids = pids.ToArray() };
    }
}
