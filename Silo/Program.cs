using Microsoft.Extensions.DependencyInjection;
using Feed.Grains.Hosting;
using Microsoft.Extensions.Hosting;

// Configuration: appsettings.json, then environment variables (Orleans__SiloPort=11112), then --key=value arguments.
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.ConfigureFeedSilo(builder.Configuration));
var host = builder.Build();
host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
    Console.WriteLine($"Feed silo is running (silo port {builder.Configuration["Orleans:SiloPort"] ?? "11111"}, "
                      + $"gateway port {builder.Configuration["Orleans:GatewayPort"] ?? "30000"})"));
await host.RunAsync();
