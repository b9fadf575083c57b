using System.Globalization;

namespace Feed.LoadTest;

/// <summary>
/// CPU time and memory of a server process from Linux /proc: utime+stime from /proc/PID/stat (read before
/// and after the measured window) and VmRSS sampled for its peak, VmHWM (the kernel's own peak) at the end.
/// </summary>
public sealed class ServerProbe
{
    // Clock ticks per second of /proc/PID/stat times; 100 on every Linux this runs on (getconf CLK_TCK).
    private const double TicksPerSecond = 100;

    private long _cpuTicksAtStart;
    private long _peakRssKb;

    public ServerProbe(int pid) => Pid = pid;

    public int Pid { get; }

    public static bool Exists(int pid) => File.Exists($"/proc/{pid}/stat");

    public void StartWindow() => _cpuTicksAtStart = ReadCpuTicks();

    /// <summary>CPU seconds the process used since <see cref="StartWindow"/>.</summary>
    public double CpuSecondsSinceStart() => (ReadCpuTicks() - _cpuTicksAtStart) / TicksPerSecond;

    public void SampleMemory()
    {
        var rss = ReadStatusKb("VmRSS:");
        if (rss > _peakRssKb) _peakRssKb = rss;
    }

    public double PeakSampledRssMb => _peakRssKb / 1024.0;

    /// <summary>The kernel's high-water mark of resident memory since the process started.</summary>
    public double HighWaterRssMb() => ReadStatusKb("VmHWM:") / 1024.0;

    private long _lastCpuTicks;

    /// <summary>CPU ticks so far; a process that has exited keeps the last figure read (it was killed mid-run).</summary>
    private long ReadCpuTicks()
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{Pid}/stat");
        }
        catch (IOException)
        {
            return _lastCpuTicks;
        }
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 (utime) and 15 (stime) of the whole line are 12 and 13 after the name.
        return _lastCpuTicks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private long ReadStatusKb(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
                var value = line[field.Length..].Trim();
                return long.Parse(value[..value.IndexOf(' ')], CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
            // The process ended: nothing more to sample.
        }
        return 0;
    }
}
