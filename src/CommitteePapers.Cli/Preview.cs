using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace CommitteePapers.Cli;

/// <summary>
/// <c>build --watch</c>: builds the paper, then again after every save, printing the problems each time. With
/// <c>--to html</c> the page is also served on 127.0.0.1 (never another interface), with a small script added to the
/// served copy only, so that an open tab reloads itself after each build; a build with errors serves the problems
/// instead of a stale page. The file written is the library's: whole and script-free. Ctrl+C (or SIGTERM) stops it
/// once the build under way, if any, has finished.
/// </summary>
internal static class Preview
{
    /// <summary>How long the folder must be quiet after a change before building: editors write a file in steps.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(80);

    public static int Watch(FileInfo input, string? style, string target, bool strict, RenderFormat format, int port, bool privateVersion = false)
    {
        using var stop = new ManualResetEventSlim();
        using var changed = new AutoResetEvent(false);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Set();
            changed.Set();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var server = format == RenderFormat.Html ? PreviewServer.Start(port) : null;
        if (format == RenderFormat.Html && server is null)
        {
            Console.Error.WriteLine($"error: port {port} on 127.0.0.1 cannot be used (it may be taken); choose another with --port, or --port 0 for a free one.");
            return 2;
        }

        using var watcher = new FileSystemWatcher(input.DirectoryName!) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        // Only what the paper is made of: the page written beside it must not set off another build.
        void OnChange(object sender, FileSystemEventArgs e)
        {
            if (Path.GetExtension(e.Name ?? string.Empty).ToLowerInvariant() is ".yaml" or ".yml" or ".png" or ".jpg" or ".jpeg" or ".dotx") changed.Set();
        }

        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Renamed += OnChange;
        watcher.Deleted += OnChange;
        watcher.EnableRaisingEvents = true;

        Console.Out.WriteLine(server is null
            ? $"Watching {input.Name}; Ctrl+C stops."
            : $"Serving {server.Address} (127.0.0.1 only); watching {input.Name}; Ctrl+C stops.");
        Build(input, style, target, strict, format, privateVersion, server);
        while (true)
        {
            changed.WaitOne();
            if (stop.IsSet) break;
            while (changed.WaitOne(Settle) && !stop.IsSet)
            {
                // Still being written: wait for quiet.
            }

            if (stop.IsSet) break;
            Build(input, style, target, strict, format, privateVersion, server);
        }

        Console.Out.WriteLine("Stopped.");
        return 0;
    }

    private static void Build(FileInfo input, string? style, string target, bool strict, RenderFormat format, bool privateVersion, PreviewServer? server)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var code = Program.Run(input, style, target, strict, json: false, format, privateVersion, out var problems);
        Console.Out.WriteLine($"[{DateTime.Now:HH:mm:ss}] built {input.Name} in {clock.ElapsedMilliseconds} ms{(code == 0 ? string.Empty : "; nothing was written")}");
        if (server is null) return;
        if (code == 0 && File.Exists(target))
        {
            server.Publish(File.ReadAllText(target, Encoding.UTF8));
        }
        else
        {
            server.Publish(ProblemsPage(input.Name, problems));
        }
    }

    /// <summary>A page that lists the problems, in place of the paper until they are fixed.</summary>
    private static string ProblemsPage(string name, IReadOnlyList<string> problems)
    {
        var text = new StringBuilder();
        text.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        text.Append("<title>").Append(WebUtility.HtmlEncode(name)).Append(" has problems</title>\n");
        text.Append("<style>body{font-family:Arial,\"Liberation Sans\",sans-serif;margin:1em auto;max-width:60em;padding:0 1em}pre{white-space:pre-wrap;background:#f3f2f1;padding:1em;border-left:5px solid #d4351c}</style>\n");
        text.Append("</head>\n<body>\n<main>\n<h1 id=\"problems\">").Append(WebUtility.HtmlEncode(name)).Append(" has problems</h1>\n");
        text.Append("<p>Nothing was built. Fix what is listed below and save: this page reloads by itself.</p>\n<pre>");
        foreach (var line in problems) text.Append(WebUtility.HtmlEncode(line)).Append('\n');
        text.Append("</pre>\n</main>\n</body>\n</html>\n");
        return text.ToString();
    }
}

/// <summary>
/// Serves the latest build on http://127.0.0.1:port/ and tells open pages, through server-sent events, when there is
/// a newer one. It listens on the loopback address only.
/// </summary>
internal sealed class PreviewServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Lock gate = new();
    private readonly List<HttpListenerResponse> subscribers = [];
    private string page = "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Building…</title></head><body><main><h1>Building…</h1></main></body></html>";
    private int version;

    private PreviewServer(int port)
    {
        Address = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(Address);
    }

    public string Address { get; }

    /// <summary>Starts serving on <paramref name="port"/> (0: a free one); null when the port cannot be had.</summary>
    public static PreviewServer? Start(int port)
    {
        for (var attempt = 0; attempt < (port == 0 ? 5 : 1); attempt++)
        {
            var server = new PreviewServer(port == 0 ? FreePort() : port);
            try
            {
                server.listener.Start();
                _ = Task.Run(server.Serve);
                return server;
            }
            catch (HttpListenerException)
            {
                server.listener.Close();
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Serves <paramref name="html"/> from now on, and tells every open page to reload.</summary>
    public void Publish(string html)
    {
        List<HttpListenerResponse> waiting;
        lock (gate)
        {
            page = html;
            version++;
            waiting = [.. subscribers];
        }

        foreach (var response in waiting) Notify(response);
    }

    private void Notify(HttpListenerResponse response)
    {
        try
        {
            var message = Encoding.UTF8.GetBytes("data: reload\n\n");
            response.OutputStream.Write(message);
            response.OutputStream.Flush();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            lock (gate) subscribers.Remove(response);
        }
    }

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                Answer(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The tab was closed while it was being answered.
            }
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var response = context.Response;
        response.Headers["Cache-Control"] = "no-store";
        var path = context.Request.Url?.AbsolutePath ?? "/";
        if (path == "/events")
        {
            response.ContentType = "text/event-stream";
            response.SendChunked = true;
            var seen = context.Request.QueryString["v"];
            bool stale;
            lock (gate)
            {
                subscribers.Add(response);
                stale = seen != version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            response.OutputStream.Write(Encoding.UTF8.GetBytes("retry: 300\n\n"));
            response.OutputStream.Flush();
            // A build finished between the page being sent and this request: reload at once.
            if (stale) Notify(response);
            return;
        }

        if (path is not ("/" or "/index.html") && !path.EndsWith(".html", StringComparison.Ordinal))
        {
            response.StatusCode = 404;
            response.Close();
            return;
        }

        string html;
        int current;
        lock (gate)
        {
            html = page;
            current = version;
        }

        // Only the served copy reloads itself; the file on disk has no script.
        var script = $"<script>new EventSource(\"/events?v={current}\").onmessage = () => location.reload();</script>\n";
        var at = html.LastIndexOf("</body>", StringComparison.Ordinal);
        html = at < 0 ? html + script : html.Insert(at, script);
        var bytes = Encoding.UTF8.GetBytes(html);
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
    }

    public void Dispose()
    {
        List<HttpListenerResponse> open;
        lock (gate)
        {
            open = [.. subscribers];
            subscribers.Clear();
        }

        foreach (var response in open) response.Abort();
        listener.Close();
    }
}
