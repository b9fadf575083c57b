using Feed.Grains.Storage;
using Feed.Grains.Telemetry;
using Feed.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feed.Grains;

/// <summary>
/// One followed source: the only poller of it in the cluster. While active it polls on a grain timer at the time its
/// state says; a durable reminder (SQLite embedded, Redis in a cluster) wakes it again after a restart or when its
/// silo died, and it picks up its schedule from storage. State is saved after every poll, with the entries ingested.
/// </summary>
public sealed class SourceGrain(ISourceStore store, SourcePoller poller, IOptions<SourcesOptions> options, TimeProvider clock,
    FeedMetrics metrics, ILogger<SourceGrain> logger) : Grain, ISourceGrain, IRemindable
{
    private const string WakeUpReminder = "wake-up";

    private readonly SourcesOptions _options = options.Value;
    private readonly SeenEntries _seen = new(options.Value.MaxRememberedEntries);
    private SourceState? _state;
    private IGrainTimer? _timer;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _state = await store.GetAsync(this.GetPrimaryKeyString());
        if (_state is null) return;
        _seen.LoadNewestFirst(await store.ReadSeenAsync(_state.Id, _options.MaxRememberedEntries));
        // A source whose reminder was never written (its registration failed after the state was saved) gets it now,
        // or it would not come back after the next restart.
        if (await this.GetReminder(WakeUpReminder) is null)
            await this.RegisterOrUpdateReminder(WakeUpReminder, _options.WakeUpInterval, _options.WakeUpInterval);
        ScheduleNextPoll();
    }

    public async Task<SourceAdded> Start(SourceSettings settings)
    {
        if (_state is not null) return new(_state.ToSource(), Created: false);
        var now = clock.GetUtcNow();
        var state = new SourceState
        {
            Id = this.GetPrimaryKeyString(),
            Url = settings.Url,
            Title = settings.Title,
            TitleGiven = settings.Title is not null,
            PollInterval = settings.PollInterval,
            CreatedAt = now,
            NextPollAt = now,
        };
        await store.SaveAsync(state, [], _options.MaxRememberedEntries);
        _state = state;
        await this.RegisterOrUpdateReminder(WakeUpReminder, _options.WakeUpInterval, _options.WakeUpInterval);
        logger.LogInformation("Source {Id}: following {Url} every {Interval}", state.Id, state.Url, state.PollInterval);
        ScheduleNextPoll();
        return new(state.ToSource(), Created: true);
    }

    public Task<Source?> Get() => Task.FromResult(_state?.ToSource());

    public async Task<Source?> PollNow()
    {
        if (_state is null) return null;
        await PollAsync();
        return _state?.ToSource();
    }

    public async Task<bool> Stop()
    {
        if (_state is null) return false;
        _timer?.Dispose();
        _timer = null;
        await UnregisterWakeUpAsync();
        await store.DeleteAsync(_state.Id);
        logger.LogInformation("Source {Id}: stopped following {Url}", _state.Id, _state.Url);
        _state = null;
        _seen.Clear();
        DeactivateOnIdle();
        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_state is null)
        {
            // A reminder left behind by a source removed while its reminder could not be: let it go.
            await UnregisterWakeUpAsync();
            DeactivateOnIdle();
            return;
        }
        // Activation already set the timer from the stored schedule; the reminder only had to bring the grain back.
        if (_timer is null) ScheduleNextPoll();
    }

    private async Task PollAsync()
    {
        var before = _state!;
        PollOutcome outcome;
        try
        {
            outcome = await poller.PollAsync(before, _seen, article => GrainFactory.ArticleLedgerFor(article.Id).Publish(article));
        }
        catch (Exception e)
        {
            // Not something a source can do to us (those come back as errors): keep the source alive and say so.
            logger.LogError(e, "Source {Id}: the poll failed unexpectedly", before.Id);
            outcome = new PollOutcome(before with
            {
                LastPolledAt = clock.GetUtcNow(),
                LastError = "internal error while polling: " + e.Message,
                NextPollAt = clock.GetUtcNow() + _options.ErrorBackoff,
            }, []);
        }
        metrics.Polled(outcome.State.LastError is not null ? PollResult.Error : outcome.State.LastStatus == 304 ? PollResult.NotModified : PollResult.Ok);
        try
        {
            await store.SaveAsync(outcome.State, outcome.NewlySeen, _options.MaxRememberedEntries);
            _state = outcome.State;
        }
        catch (Exception e)
        {
            // Storage is away: keep polling on the old schedule; what was published is recognised by id next time.
            logger.LogWarning(e, "Source {Id}: saving its state failed", before.Id);
            _state = outcome.State with { NextPollAt = clock.GetUtcNow() + _options.ErrorBackoff };
        }
        ScheduleNextPoll();
    }

    private void ScheduleNextPoll()
    {
        _timer?.Dispose();
        var due = _state!.NextPollAt - clock.GetUtcNow();
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        _timer = this.RegisterGrainTimer(PollAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task UnregisterWakeUpAsync()
    {
        if (await this.GetReminder(WakeUpReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }
}
