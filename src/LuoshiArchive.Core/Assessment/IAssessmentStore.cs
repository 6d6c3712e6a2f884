using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Assessment;

/// <summary>The records of assessment (考核).</summary>
public interface IAssessmentStore : ITaskStore
{
    /// <summary>Scoring schemes, versioned per year.</summary>
    IRecords<ScoringScheme> ScoringSchemes { get; }

    /// <summary>Result ratings, one per task.</summary>
    IRecords<ResultRating> ResultRatings { get; }

    /// <summary>Score adjustments (加减分).</summary>
    IRecords<ScoreAdjustment> ScoreAdjustments { get; }

    /// <summary>Accountability entries (问责).</summary>
    IRecords<AccountabilityEntry> Accountability { get; }

    /// <summary>Closed years' results, as computed at closing (id = year).</summary>
    IRecords<AssessmentResult> AssessmentClosures { get; }
}
