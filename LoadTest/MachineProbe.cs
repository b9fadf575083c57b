using System.Globalization;

namespace Feed.LoadTest;

/// <summary>
/// The whole machine's CPU over the measured window (/proc/stat), so a report shows how much of the CPU went
/// to processes other than the server and the tool: on a shared machine that is what makes figures honest.
/// </summary>
public sealed class MachineProbe
{
    // /proc/stat counts in USER_HZ, 100 per second on Linux.
    private const double TicksPerSecond = 100;

    private (long Busy, long Total) _atStart;

    public static bool Available => File.Exists("/proc/stat");

    public void StartWindow() => _atStart = Read();

    /// <summary>CPU seconds used by everything on the machine since <see cref="StartWindow"/>, and the seconds available.</summary>
    public (double BusySeconds, double CoreSeconds) SinceStart()
    {
        var now = Read();
        return ((now.Busy - _atStart.Busy) / TicksPerSecond, (now.Total - _atStart.Total) / TicksPerSecond);
    }

    /// <summary>The 1-minute load average.</summary>
    public static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static (long Busy, long Total) Read()
    {
        if (!Available) return (0, 0);
        var line = File.ReadLines("/proc/stat").First();
        var ticks = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        var total = ticks.Sum();
        var idle = ticks[3] + ticks[4]; // idle + iowait
        return (total - idle, total);
    }
}
