using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.Engine.Frames;

namespace Cutroom.Engine.ContactSheets;

/// <summary>
/// What <see cref="ContactSheetMaker"/> does: a grid of <see cref="Columns"/> × <see cref="Rows"/>
/// frames evenly spread over a video, written as one image. Every limit of a contact sheet is defined here, once.
/// </summary>
public sealed record ContactSheetRequest : IJobRequest
{
    /// <summary>The most columns of a sheet.</summary>
    public const int MaxColumns = 10;

    /// <summary>The most rows of a sheet.</summary>
    public const int MaxRows = 10;

    /// <summary>The narrowest tile picture, in pixels.</summary>
    public const int MinTileWidth = 64;

    /// <summary>The widest tile picture, in pixels.</summary>
    public const int MaxTileWidth = 1920;

    /// <summary>Field of <see cref="Columns"/>.</summary>
    public const string ColumnsField = "columns";
    /// <summary>Field of <see cref="Rows"/>.</summary>
    public const string RowsField = "rows";
    /// <summary>Field of <see cref="TileWidth"/>.</summary>
    public const string TileWidthField = "tile_width";

    /// <summary>The video file (field <c>input</c>).</summary>
    public required string InputPath { get; init; }

    /// <summary>The image to write; its extension (<see cref="ImageFormats.Extensions"/>) decides the format (field <c>output</c>).</summary>
    public required string OutputPath { get; init; }

    /// <summary>Columns, 1-<see cref="MaxColumns"/> (default 4).</summary>
    public int Columns { get; init; } = 4;

    /// <summary>Rows, 1-<see cref="MaxRows"/> (default 4).</summary>
    public int Rows { get; init; } = 4;

    /// <summary>Width of each tile's picture in pixels, <see cref="MinTileWidth"/>-<see cref="MaxTileWidth"/> (default 320).</summary>
    public int TileWidth { get; init; } = 320;

    /// <summary>Quality <see cref="ImageQuality.Min"/>-<see cref="ImageQuality.Max"/> (best) for JPEG and WebP. Default 90.</summary>
    public int Quality { get; init; } = 90;

    /// <summary>The image format the output's extension names.</summary>
    /// <exception cref="JobInputException">When the extension names none (<see cref="Validate"/> reports it first).</exception>
    public ImageFormat Format => ImageOutputs.FormatOf(OutputPath);

    /// <inheritdoc/>
    public IReadOnlyList<JobError> Validate()
    {
        var errors = new JobErrorList();
        errors.Require(!string.IsNullOrWhiteSpace(InputPath), JobErrorCodes.Required, JobFields.Input, "a video file is required");
        errors.InRange(ColumnsField, Columns, 1, MaxColumns);
        errors.InRange(RowsField, Rows, 1, MaxRows);
        errors.InRange(TileWidthField, TileWidth, MinTileWidth, MaxTileWidth, " pixels");
        ImageOutputs.Check(errors, OutputPath, Quality);
        return errors.Errors;
    }
}
