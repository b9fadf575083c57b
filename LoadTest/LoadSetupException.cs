namespace Feed.LoadTest;

/// <summary>The run could not start or set up (bad option, server unreachable, subscribe refused): exit code 2.</summary>
public sealed class LoadSetupException(string message, Exception? inner = null) : Exception(message, inner);
