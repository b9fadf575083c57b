using System.Reflection;
using Feed.WebFront.Live;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Feed.WebFront.Api;

/// <summary>
/// The answer of <c>GET /api/events</c> once its feeds are followed: a <c>text/event-stream</c> that runs until the
/// client goes, the stream falls too far behind, or the server stops (the client then resumes with its last id).
/// </summary>
public sealed class EventStreamResult(StreamSubscriber stream, FeedRelay relay, EventStreamOptions options, TimeProvider clock,
    CancellationToken stopping) : IResult, IEndpointMetadataProvider
{
    public async Task ExecuteAsync(HttpContext http)
    {
        try
        {
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            // Proxies such as nginx buffer responses unless told not to; an event stream must go out as written.
            http.Response.Headers["X-Accel-Buffering"] = "no";
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            stream.OnCutOff(http.Abort);
            // Ending the queue rather than cancelling the write lets what is already queued go out first.
            using var stop = stopping.Register(stream.Complete);
            await using var heartbeat = clock.CreateTimer(_ => stream.Heartbeat(), null, options.HeartbeatInterval, options.HeartbeatInterval);
            await new EventStreamWriter(stream, http.Response.BodyWriter, options.RetryInterval).RunAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client went away: nothing to answer.
        }
        finally
        {
            relay.Disconnect(stream.Id);
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(FeedItem), ["text/event-stream"]));
}
