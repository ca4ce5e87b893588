using System.Text.Json.Nodes;
using Cutroom.Agent.Credits;
using Cutroom.Agent.Execution;

namespace Cutroom.Agent.Tools;

/// <summary>A named tool: description, argument record and its JSON Schema, price, executor.</summary>
public interface ITool
{
    /// <summary>The canonical name (<see cref="ToolNames"/>).</summary>
    string Name { get; }

    /// <summary>What it does, for people and for an LLM's function list.</summary>
    string Description { get; }

    /// <summary>What it does to the session.</summary>
    ToolKind Kind { get; }

    /// <summary>The argument record type.</summary>
    Type ArgumentType { get; }

    /// <summary>The JSON Schema (2020-12 subset) of the arguments, generated from the record.</summary>
    JsonObject Schema { get; }

    /// <summary>The price rule (zero for free tools).</summary>
    CreditPrice Price { get; }

    /// <summary>Reads and validates arguments into the record.</summary>
    /// <param name="args">The JSON arguments.</param>
    /// <exception cref="ToolArgumentException">Missing, unknown, mistyped or out-of-range arguments.</exception>
    object Bind(JsonObject args);

    /// <summary>Runs the tool with bound arguments.</summary>
    /// <param name="args">The record returned by <see cref="Bind"/>.</param>
    /// <param name="context">The run's context.</param>
    Task<ToolOutcome> ExecuteAsync(object args, ToolContext context);
}
