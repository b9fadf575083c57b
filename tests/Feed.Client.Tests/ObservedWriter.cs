using System.Text;

namespace Feed.Client.Tests;

/// <summary>A thread-safe text writer for the command's output that a test can wait on: "until this text was written".</summary>
public sealed class ObservedWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get { lock (_text) return _text.ToString(); }
    }

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value);

    public override void WriteLine(string? value) => Append(value + NewLine);

    public async Task WaitForAsync(string expected, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (true)
        {
            Task written;
            lock (_text)
            {
                if (_text.ToString().Contains(expected, StringComparison.Ordinal)) return;
                written = _written.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"Waited {seconds} s for {what} (\"{expected}\"); written so far:\n{Text}");
            await Task.WhenAny(written, Task.Delay(left));
        }
    }

    private void Append(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        lock (_text)
        {
            _text.Append(value);
            _written.TrySetResult();
            _written = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
