namespace Cutroom.Agent.Planning.Llm;

/// <summary>Where the optional LLM planner finds an OpenAI-compatible chat-completions server (llama.cpp, Ollama, vLLM, ...).</summary>
/// <param name="BaseUrl">The API base, e.g. <c>http://127.0.0.1:11434/v1</c>.</param>
/// <param name="Model">The model name the server knows.</param>
public sealed record LlmPlannerOptions(Uri BaseUrl, string Model)
{
    /// <summary>The API key, if the server wants one (local servers usually do not).</summary>
    public string? ApiKey { get; init; }

    /// <summary>How long to wait for the model before falling back to the built-in planner (default 20 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
}
