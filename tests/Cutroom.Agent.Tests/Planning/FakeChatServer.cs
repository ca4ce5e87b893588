using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cutroom.Agent.Tests.Planning;

/// <summary>
/// A tiny OpenAI-compatible chat-completions server on loopback (the only test double allowed:
/// no model runs here). It records each request body and answers with what the test queued.
/// </summary>
public sealed class FakeChatServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;

    public FakeChatServer(Func<string, (int Status, string Body, TimeSpan Delay)> answer)
    {
        // A free port can be taken by another process (other test assemblies start servers too)
        // between finding it and binding it: try again on another one.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            _listener = new HttpListener();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                _listener.Close();
            }
        }
        _loop = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext ctx;
                try { ctx = await _listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
                using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                lock (Requests) Requests.Add((ctx.Request.Url!.AbsolutePath, body));
                var (status, reply, delay) = answer(body);
                try
                {
                    if (delay > TimeSpan.Zero) await Task.Delay(delay);
                    var bytes = Encoding.UTF8.GetBytes(reply);
                    ctx.Response.StatusCode = status;
                    ctx.Response.ContentType = "application/json";
                    await ctx.Response.OutputStream.WriteAsync(bytes);
                    ctx.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException) { }
            }
        });
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/v1");

    public List<(string Path, string Body)> Requests { get; } = [];

    /// <summary>A chat completion whose message calls the given functions (name, JSON arguments).</summary>
    public static string ToolCalls(params (string Name, string Args)[] calls) =>
        new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = "chatcmpl-1", ["object"] = "chat.completion", ["created"] = 1, ["model"] = "fake",
            ["choices"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["index"] = 0, ["finish_reason"] = "tool_calls",
                ["message"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["role"] = "assistant", ["content"] = null,
                    ["tool_calls"] = new System.Text.Json.Nodes.JsonArray([.. calls.Select((c, i) => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
                    {
                        ["id"] = $"call_{i + 1}", ["type"] = "function",
                        ["function"] = new System.Text.Json.Nodes.JsonObject { ["name"] = c.Name, ["arguments"] = c.Args },
                    })]),
                },
            }),
            ["usage"] = new System.Text.Json.Nodes.JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
        }.ToJsonString();

    /// <summary>A chat completion that answers with text only.</summary>
    public static string Text(string text) =>
        "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":"
        + System.Text.Json.JsonSerializer.Serialize(text) + "}}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
    }
}
