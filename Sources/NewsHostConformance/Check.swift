import NewsHostABI

/// A conformance check: a stable id, the level it belongs to and what it verifies.
public enum Check: String, CaseIterable, Sendable, Codable {
    // Level 1: loading and metadata.
    case open = "load.open"
    case entry = "load.entry-symbol"
    case abi = "load.abi-version"
    case structSizes = "load.struct-sizes"
    case id = "load.id"
    case version = "load.semantic-version"
    case kind = "load.kind"
    case description = "load.description"
    case hooks = "load.hooks"
    case optionTable = "load.option-table"
    case optionDefaults = "load.option-defaults"
    // Level 2: behaviour.
    case createDestroy = "lifecycle.create-destroy"
    case unknownOption = "lifecycle.unknown-option"
    case badValue = "lifecycle.bad-option-value"
    case destroyWithoutProcess = "lifecycle.destroy-without-process"
    case finishEmpty = "lifecycle.finish-without-articles"
    case seeds = "process.seed-articles"
    case hostile = "process.hostile-articles"
    case guardedView = "process.guarded-view"
    case outputs = "output.valid-for-kind"
    case exporterPath = "output.exporter-writes-its-path-only"
    case determinism = "process.deterministic"
    case instances = "lifecycle.several-instances"
    case globalState = "process.global-state"
    // Level 3: stress.
    case threads = "stress.threads-on-one-instance"
    case volume = "stress.10000-articles"

    /// 1 (load), 2 (behaviour) or 3 (stress).
    public var level: Int {
        switch self {
        case .open, .entry, .abi, .structSizes, .id, .version, .kind, .description, .hooks, .optionTable,
            .optionDefaults:
            return 1
        case .threads, .volume: return 3
        default: return 2
        }
    }

    /// One line: what the check verifies.
    public var summary: String {
        switch self {
        case .open: return "the file loads with dlopen(RTLD_NOW | RTLD_LOCAL)"
        case .entry: return "it exports newshost_plugin_entry, which returns a descriptor"
        case .abi: return "its ABI major equals the host's and its minor is not newer"
        case .structSizes: return "struct_size of the descriptor, hook and option entries is plausible"
        case .id: return "the id matches \(NameRule.pluginID.pattern)"
        case .version: return "the version is semantic (MAJOR.MINOR.PATCH)"
        case .kind: return "the kind is classifier, summarizer or exporter; flags are known"
        case .description: return "vendor and description are present"
        case .hooks: return "create, process and destroy are present, every known hook with the ABI's signature"
        case .optionTable: return "option keys are unique and well-formed, types known, defaults valid for their type"
        case .optionDefaults: return "create accepts the plugin's own defaults"
        case .createDestroy: return "create with defaults, then destroy"
        case .unknownOption: return "create refuses an unknown option with a status and a message"
        case .badValue:
            return
                "create accepts every valid value at the edges of each option type, or refuses it with NH_ERR_BAD_CONFIG and a message"
        case .destroyWithoutProcess: return "destroy right after create, without finish"
        case .finishEmpty: return "finish with no article processed"
        case .seeds: return "process succeeds on every seed article"
        case .hostile: return "process survives hostile articles (empty, 10 MB body, invalid UTF-8, NULs, emoji, RTL)"
        case .guardedView:
            return
                "process only reads the article view, within each string's length, during the call (the view is read-only, strings end at an unreadable page, a view is unreadable once its call returns)"
        case .outputs:
            return "results are valid for the kind (labels, summary, keywords) and none is refused by the host"
        case .exporterPath:
            return
                "an exporter writes the path it was given, only there, and only at finish (at commit, for one with a commit hook; destroy without commit leaves nothing)"
        case .determinism:
            return
                "each article gives the same result whatever came before it (a fresh instance, articles in reverse order)"
        case .instances:
            return "several instances at once, with different option values, give the same results as each alone"
        case .globalState: return "no hook changes the working directory, umask, locale, environment or signal handlers"
        case .threads:
            return
                "a plugin that declares itself thread-safe gives the same results from 8 threads on one instance; an exporter's prepare gives the same records from 8 threads"
        case .volume: return "10,000 articles without growth of memory or open file descriptors beyond a bound"
        }
    }

    /// The checks up to `level`, in order.
    public static func upTo(level: Int) -> [Check] {
        allCases.filter { $0.level <= level }
    }
}

/// How a check ended.
public enum Outcome: String, Sendable, Codable {
    case passed, failed, skipped
}

/// The result of one check on one plugin.
public struct CheckResult: Sendable, Codable, Equatable {
    /// The check's stable id.
    public var id: String
    /// Its level.
    public var level: Int
    /// What it verifies.
    public var summary: String
    /// How it ended.
    public var outcome: Outcome
    /// Wall-clock seconds.
    public var seconds: Double
    /// On failure: what is wrong and what to fix; otherwise a note or empty.
    public var message: String
    /// On failure, the hook the plugin was in (`create`, `process`, `finish`,
    /// `destroy`, or `load` for dlopen and the entry function), when known.
    public var hook: String?
    /// On failure, the article being processed, when known.
    public var article: String?
    /// Measurements, e.g. `microsecondsPerArticle`, `heapBytesPerArticle`.
    public var metrics: [String: Double]?

    /// Creates a result.
    public init(
        check: Check, outcome: Outcome, seconds: Double = 0, message: String = "", metrics: [String: Double]? = nil
    ) {
        id = check.rawValue
        level = check.level
        summary = check.summary
        self.outcome = outcome
        self.seconds = seconds
        self.message = message
        self.metrics = metrics
    }

    /// Fills ``hook`` and ``article`` from what the worker was doing.
    mutating func locate(_ doing: Breadcrumb?) {
        guard let doing else { return }
        hook = doing.hook
        article = doing.article ?? article
    }
}
