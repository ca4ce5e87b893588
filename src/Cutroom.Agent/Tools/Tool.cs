using Cutroom.Contract.Errors;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cutroom.Agent.Credits;
using Cutroom.Agent.Execution;

namespace Cutroom.Agent.Tools;

/// <summary>A tool over a typed argument record <typeparamref name="TArgs"/>.</summary>
/// <typeparam name="TArgs">The argument record.</typeparam>
/// <param name="name">Canonical name.</param>
/// <param name="kind">What it does to the session.</param>
/// <param name="description">What it does.</param>
/// <param name="price">Its price rule.</param>
/// <param name="executor">Its executor.</param>
public sealed class Tool<TArgs>(string name, ToolKind kind, string description, CreditPrice price, IToolExecutor<TArgs> executor) : ITool
    where TArgs : class
{
    private readonly Lazy<JsonObject> _schema = new(() => ToolSchema.For(typeof(TArgs)));

    /// <inheritdoc/>
    public string Name { get; } = name;

    /// <inheritdoc/>
    public string Description { get; } = description;

    /// <inheritdoc/>
    public ToolKind Kind { get; } = kind;

    /// <inheritdoc/>
    public Type ArgumentType => typeof(TArgs);

    /// <inheritdoc/>
    public JsonObject Schema => (JsonObject)_schema.Value.DeepClone();

    /// <inheritdoc/>
    public CreditPrice Price { get; } = price;

    /// <summary>The executor.</summary>
    public IToolExecutor<TArgs> Executor { get; } = executor;

    /// <inheritdoc/>
    public object Bind(JsonObject args) => BindTyped(args);

    /// <summary>Reads and validates arguments into <typeparamref name="TArgs"/>.</summary>
    /// <param name="args">The JSON arguments.</param>
    /// <exception cref="ToolArgumentException">Missing, unknown, mistyped or out-of-range arguments.</exception>
    public TArgs BindTyped(JsonObject args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (typeof(TArgs) == typeof(Args.NoArgs) && args.Count > 0)
            throw new ToolArgumentException(Name, $"takes no arguments (got {string.Join(", ", args.Select(a => a.Key))})");
        TArgs? value;
        try { value = args.Deserialize<TArgs>(AgentJson.Options); }
        catch (JsonException e) { throw new ToolArgumentException(Name, Clean(e.Message)); }
        catch (InvalidOperationException e) { throw new ToolArgumentException(Name, Clean(e.Message)); }
        if (value is null) throw new ToolArgumentException(Name, "arguments must be an object");
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), errors, validateAllProperties: true))
        {
            var (code, field) = CodeOf(value, errors[0]);
            throw new ToolArgumentException(Name, string.Join("; ", errors.Select(Describe)), code, field);
        }
        return value;
    }

    /// <inheritdoc/>
    public Task<ToolOutcome> ExecuteAsync(object args, ToolContext context) => Executor.ExecuteAsync((TArgs)args, context);

    /// <summary>
    /// The code and argument of a failed check: a <see cref="RangeAttribute"/> broken above its
    /// maximum is <c>over_limit</c> (the maximum is a limit of the engine's request), below its
    /// minimum <c>out_of_range</c>; a missing value <c>required</c>; anything else <c>wrong_type</c>.
    /// </summary>
    private static (string Code, string Field) CodeOf(TArgs value, ValidationResult r)
    {
        var member = r.MemberNames.FirstOrDefault();
        if (member is null) return (JobErrorCodes.WrongType, JobFields.Request);
        var field = JsonNamingPolicy.SnakeCaseLower.ConvertName(member);
        var property = typeof(TArgs).GetProperty(member);
        var actual = property?.GetValue(value);
        if (actual is null) return (JobErrorCodes.Required, field);
        if (property!.GetCustomAttributes(typeof(RangeAttribute), true).FirstOrDefault() is RangeAttribute range
            && actual is IConvertible && range.Maximum is IConvertible max)
        {
            var v = Convert.ToDouble(actual, System.Globalization.CultureInfo.InvariantCulture);
            var m = Convert.ToDouble(max, System.Globalization.CultureInfo.InvariantCulture);
            return (v > m ? JobErrorCodes.OverLimit : JobErrorCodes.OutOfRange, field);
        }
        return (JobErrorCodes.WrongType, field);
    }

    private static string Describe(ValidationResult r)
    {
        var member = r.MemberNames.FirstOrDefault();
        var key = member is null ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(member);
        var message = r.ErrorMessage ?? "invalid";
        if (key is not null && member is not null) message = message.Replace(member, key, StringComparison.Ordinal);
        return message;
    }

    private static string Clean(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
