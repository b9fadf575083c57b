using Feed.Grains;
using Feed.Grains.Hosting;
using Feed.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// Configuration: appsettings.json beside this program (whatever the working directory), then environment variables
// (Orleans__SiloPort=11112), then --key=value arguments.
// A small Kestrel listener (Feed:Operations:SiloUrl) serves /metrics and /healthz/* with the same code as a web front:
// the Prometheus HttpListener exporter would give metrics only, on a second HTTP stack to know.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.For(args) });
var orleans = OrleansOptions.Bind(builder.Configuration);
var operations = OptionsBinding.BindNow(builder.Configuration, OperationsOptions.Section, new OperationsOptionsValidator());
builder.Services.AddBoundOptions(operations);
builder.WebHost.UseUrls(operations.SiloUrl);
builder.UseOrleans(silo => silo.ConfigureFeedSilo(builder.Configuration, orleans).AddFeedDashboard(builder.Configuration));
builder.AddFeedOperations("feed-silo");

var app = builder.Build();
app.MapFeedOperations();
app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"Feed silo is running (silo port {orleans.SiloPort}, gateway port {orleans.GatewayPort}, metrics {operations.SiloUrl}/metrics)"));
await app.RunAsync();
