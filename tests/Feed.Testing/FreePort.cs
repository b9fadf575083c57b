using System.Net;
using System.Net.Sockets;

namespace Feed.Testing;

public static class FreePort
{
    private static readonly HashSet<int> Given = [];

    /// <summary>
    /// A loopback port free right now (the OS picks it), never one this process was given before: a host asks for several
    /// ports before it binds any, and the OS may offer a just-released one twice.
    /// </summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (Given)
            {
                if (Given.Add(port)) return port;
            }
        }
    }
}
