namespace Cutroom.Agent.Planning.BuiltIn.Text;

/// <summary>
/// The English words the planner reads (<see cref="Keywords"/>: a misspelling is corrected to
/// one of them) and common words that must never be "corrected" (<see cref="Known"/>).
/// </summary>
internal static class Lexicon
{
    public static readonly string[] Keywords =
    [
        // jobs
        "extract", "frame", "frames", "every", "keyframe", "keyframes", "screenshot", "screenshots", "snapshot", "snapshots", "still", "stills",
        "thumbnail", "thumbnails", "cover", "poster", "contact", "sheet", "grid", "storyboard", "highlight", "highlights", "moments", "best",
        "reel", "reels", "montage", "compilation", "summary", "summarize", "summarise", "overview", "metadata", "resolution", "duration",
        "codec", "bitrate", "framerate", "trim", "trimmed", "keep", "convert", "export", "download", "render", "metadata", "information",
        // creation
        "combine", "create", "slideshow", "photos", "photo", "images", "image", "pictures", "picture", "video", "videos", "clip", "clips",
        "logo", "music", "background", "overlay", "overlays", "animate", "motion", "zoom", "pan", "left", "right", "vertical", "horizontal",
        "portrait", "landscape", "square", "tiktok", "youtube", "instagram", "shorts", "transition", "transitions", "crossfade", "crossfades",
        "dissolve", "wipe", "slide", "fade", "black", "white",
        // edits
        "remove", "delete", "move", "swap", "replace", "insert", "split", "speed", "faster", "slower", "slow", "twice", "double", "mute",
        "unmute", "volume", "louder", "quieter", "lower", "title", "titles", "text", "caption", "captions", "subtitle", "subtitles", "bigger",
        "smaller", "larger", "position", "bottom", "center", "centre", "middle", "color", "colour", "yellow", "green", "blue", "purple",
        "orange", "pink", "gray", "grey", "gold", "duration", "length", "seconds", "minutes", "second", "minute", "shorten", "segment",
        "segments", "track", "tracks", "timeline", "status", "credits", "credit", "balance", "undo", "redo", "please", "thanks", "beginning",
        "start", "end", "first", "last", "third", "audio", "sound", "song", "original",
    ];

    /// <summary>Frequent English words (so that e.g. "send" is never "corrected" to "end").</summary>
    private static readonly string[] Common =
    [
        "a", "about", "above", "across", "act", "actually", "add", "added", "adding", "after", "again", "against", "ago", "all", "allow", "almost", "alone", "along", "already", "also", "although", "always", "am", "among", "an", "and", "another", "answer", "any", "anyone", "anything", "anyway", "appear", "are", "area", "around", "as", "ask", "asked", "at", "audio", "autumn", "away", "awesome", "back", "bad", "be", "beach", "beat", "beats", "became", "because", "become", "been", "before", "began", "begin", "beginning", "behind", "being", "believe", "below", "best", "better", "between", "big", "bigger", "birthday", "bit", "black", "blue", "bold", "both", "bottom", "brand", "brighter", "bring", "brought", "brown", "build", "built", "but", "buy", "by", "bye", "call", "came", "camera", "can", "cannot", "caption", "captions", "car", "care", "carry", "case", "cause", "center", "centre", "change", "changed", "check", "cheers", "child", "children", "christmas", "city", "clear", "clip", "clips", "close", "cold", "color", "colour", "come", "coming", "common", "complete", "cool", "copies", "copy", "corner", "corners", "could", "country", "course", "cut", "cyan", "darker", "day", "days", "delete", "demo", "did", "different", "do", "does", "doing", "done", "door", "down", "download", "downloaded", "draft", "drafts", "draw", "drop", "during", "each", "early", "easy", "eat", "edge", "edges", "either", "else", "email", "end", "ending", "enough", "even", "ever", "every", "example", "eye", "face", "fact", "family", "far", "fast", "faster", "father", "feel", "few", "fifth", "file", "files", "film", "films", "final", "find", "fine", "fire", "first", "follow", "font", "food", "footage", "for", "forest", "form", "format", "formats", "found", "four", "fourth", "frame", "frames", "free", "friend", "from", "front", "full", "game", "gave", "get", "getting", "girl", "give", "given", "gives", "giving", "go", "goes", "going", "gold", "gone", "good", "got", "gray", "great", "green", "grey", "ground", "group", "grow", "had", "half", "hand", "happen", "happened", "hard", "has", "hate", "have", "he", "head", "heading", "hear", "heard", "hello", "help", "her", "here", "hey", "hi", "high", "higher", "him", "his", "hold", "holiday", "holidays", "home", "hope", "hour", "hours", "house", "how", "however", "idea", "if", "image", "images", "important", "in", "inside", "instead", "interview", "into", "intro", "is", "it", "its", "itself", "job", "just", "keep", "keeping", "keeps", "kept", "kind", "knew", "know", "known", "lake", "land", "large", "larger", "last", "late", "later", "learn", "least", "leave", "left", "less", "let", "letter", "letters", "life", "light", "like", "line", "list", "little", "live", "logo", "logos", "long", "longer", "look", "looked", "looking", "looks", "loop", "lose", "lost", "lot", "louder", "love", "lovely", "low", "lower", "made", "magenta", "mail", "main", "make", "makes", "making", "man", "many", "may", "me", "mean", "middle", "might", "mind", "minute", "minutes", "miss", "moment", "moments", "money", "monitor", "more", "morning", "most", "mother", "mountain", "mountains", "move", "moved", "moves", "movie", "movies", "moving", "much", "music", "must", "my", "name", "narration", "navy", "near", "need", "needed", "needs", "neither", "never", "new", "next", "nice", "night", "no", "noise", "none", "not", "nothing", "now", "number", "ocean", "of", "off", "often", "oh", "ok", "okay", "old", "on", "once", "one", "only", "open", "opening", "or", "orange", "order", "other", "our", "out", "outro", "outside", "over", "own", "page", "paper", "park", "part", "party", "pass", "past", "pause", "pay", "people", "perfect", "perhaps", "person", "phone", "photo", "photos", "pic", "pics", "picture", "pictures", "pink", "place", "plan", "play", "please", "point", "possible", "post", "power", "previous", "probably", "problem", "product", "products", "project", "projects", "purple", "put", "puts", "putting", "quality", "quarter", "question", "quieter", "quite", "rather", "read", "ready", "real", "really", "reason", "record", "recording", "red", "remember", "remove", "repeat", "replay", "rest", "right", "river", "room", "round", "run", "said", "sale", "sales", "same", "save", "saved", "saving", "saw", "say", "says", "school", "screen", "sea", "second", "seconds", "see", "seem", "seems", "seen", "send", "sending", "sends", "sent", "set", "several", "shall", "share", "shared", "she", "shorter", "shot", "shots", "should", "show", "side", "sides", "silver", "simple", "since", "sit", "size", "slower", "small", "smaller", "so", "some", "someone", "something", "sometimes", "song", "songs", "soon", "sorry", "sound", "sounds", "speak", "spring", "stand", "start", "state", "stay", "step", "still", "stills", "stop", "story", "street", "study", "style", "subtitle", "subtitles", "such", "summer", "sun", "sure", "take", "takes", "taking", "talk", "tell", "text", "texts", "than", "thank", "thanks", "that", "the", "their", "them", "then", "there", "these", "they", "thing", "things", "think", "third", "this", "those", "though", "thought", "three", "through", "time", "times", "title", "titles", "to", "today", "together", "told", "too", "took", "top", "toward", "track", "tracks", "travel", "tried", "tries", "trim", "trip", "true", "try", "trying", "tune", "tunes", "turn", "turned", "tutorial", "two", "under", "understand", "until", "up", "upload", "uploaded", "upon", "us", "use", "used", "vacation", "version", "versions", "very", "video", "videos", "vlog", "voice", "voiceover", "wait", "walk", "want", "wanted", "wants", "was", "watch", "water", "way", "we", "webinar", "wedding", "week", "weeks", "well", "went", "were", "what", "when", "where", "whether", "which", "while", "white", "who", "whole", "why", "will", "winter", "wish", "with", "without", "word", "words", "work", "worked", "working", "works", "world", "worse", "would", "write", "year", "yellow", "yes", "yet", "yo", "you", "young", "your", "yours",
    ];

    public static readonly HashSet<string> Known = new(Keywords.Concat(
    [
        "the", "and", "then", "also", "with", "from", "into", "onto", "this", "that", "these", "those", "them", "they", "their", "there",
        "here", "what", "whats", "which", "when", "where", "while", "have", "has", "had", "having", "make", "made", "makes", "take", "takes",
        "give", "gives", "want", "wants", "need", "needs", "like", "just", "only", "some", "more", "most", "much", "many", "each", "other",
        "again", "too", "very", "really", "pretty", "nice", "good", "great", "cool", "awesome", "okay", "sure", "yeah", "hey", "hello", "thank",
        "could", "would", "should", "kindly", "maybe", "about", "over", "under", "between", "after", "before", "until", "till", "through",
        "without", "within", "wide", "width", "tall", "high", "height", "long", "short", "full", "whole", "entire", "everything", "anything",
        "something", "part", "parts", "bits", "piece", "pieces", "half", "quick", "quickly", "slowly", "gentle", "gently", "effect", "effects",
        "look", "looks", "show", "tell", "know", "does", "done", "doing", "make", "into", "onto", "upon", "your", "mine", "ours", "them",
        "file", "files", "format", "quality", "size", "mp4", "webm", "gif", "mov", "png", "jpg", "jpeg", "webp", "weather", "today", "poem",
        "write", "translate", "spanish", "english", "chinese", "person", "people", "behind", "kind", "best", "save", "separate", "separately",
        "each", "evenly", "spread", "between", "long", "wide", "away", "back", "oops", "last", "two", "changes", "change", "different", "free",
        "downloadable", "product", "products", "demo", "webinar", "recording", "interview", "beach", "city", "intro", "outro", "trip", "sale",
        "shipping", "collection", "arrivals", "summer", "winter", "spring", "autumn", "fall", "friday", "subscribe", "watching", "step",
        "together", "pics", "pic", "shot", "shots", "scene", "scenes", "grab", "pull", "pulling", "individual", "editing", "edit", "file",
        "plus", "where", "feed", "post", "posts", "story", "stories", "blur", "blurred", "blurry", "crop", "cropped", "fill", "fit", "bars",
        "letterbox", "whole", "thing", "things", "kindly", "originally", "sound", "voice", "loud", "quiet", "down", "turn", "turned", "lower",
        "raise", "increase", "decrease", "reduce", "fast", "times", "percent", "clear", "sharp", "nothing", "left", "line", "lines", "word",
        "words", "says", "saying", "reads", "reading", "called", "named", "name", "hour", "hours", "brown", "silver", "red", "transitions",
        "play", "plays", "playing", "paste", "place", "drop", "apply", "applied", "used", "using", "use", "better", "improve", "fix", "nicer",
        "worse", "cats", "dogs", "weather", "whats", "video's", "clips", "later", "earlier", "next", "previous", "before", "behind", "front",
        "api", "via", "generate", "find", "look", "list", "sheet", "sheets", "find", "top", "five", "four", "three", "least", "most", "longer",
        "shorter", "seconds", "second", "wipes", "slides", "slide", "camera", "push", "pull", "effect", "gentle", "broll", "roll", "ones",
        "leave", "cut", "cuts", "exact", "accurate", "precise", "fast", "everything", "stop", "playback", "rate", "info", "details", "detail",
    ]).Concat(Common), StringComparer.Ordinal);

}
