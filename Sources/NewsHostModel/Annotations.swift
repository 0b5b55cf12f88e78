/// A topic label with a score, attributed to the plugin that added it.
public struct Label: Hashable, Sendable, Codable {
    /// Id of the plugin that added the label.
    public var plugin: String
    /// The label name.
    public var name: String
    /// Score in `0...1`.
    public var score: Double

    /// Creates a label.
    public init(plugin: String, name: String, score: Double) {
        self.plugin = plugin
        self.name = name
        self.score = score
    }
}

/// A summary, attributed to the plugin that set it.
public struct Summary: Hashable, Sendable, Codable {
    /// Id of the plugin that set the summary.
    public var plugin: String
    /// The summary text.
    public var text: String

    /// Creates a summary.
    public init(plugin: String, text: String) {
        self.plugin = plugin
        self.text = text
    }
}

/// A weighted keyword, attributed to the plugin that added it.
public struct Keyword: Hashable, Sendable, Codable {
    /// Id of the plugin that added the keyword.
    public var plugin: String
    /// The term.
    public var term: String
    /// Its weight; higher is more important.
    public var weight: Double

    /// Creates a keyword.
    public init(plugin: String, term: String, weight: Double) {
        self.plugin = plugin
        self.term = term
        self.weight = weight
    }
}

/// A free-form key/value result, attributed to the plugin that set it.
public struct Field: Hashable, Sendable, Codable {
    /// Id of the plugin that set the field.
    public var plugin: String
    /// The key.
    public var key: String
    /// The value.
    public var value: String

    /// Creates a field.
    public init(plugin: String, key: String, value: String) {
        self.plugin = plugin
        self.key = key
        self.value = value
    }
}

/// Everything the plugins of a chain have said about one article so far.
public struct Annotations: Hashable, Sendable, Codable {
    /// Labels in the order they were added.
    public var labels: [Label] = []
    /// Summaries in chain order.
    public var summaries: [Summary] = []
    /// Keywords in the order they were added.
    public var keywords: [Keyword] = []
    /// Fields in the order they were set.
    public var fields: [Field] = []

    /// Creates an empty set of annotations.
    public init() {}

    /// Appends what one plugin produced for the article.
    public mutating func merge(_ other: Annotations) {
        labels += other.labels
        summaries += other.summaries
        keywords += other.keywords
        fields += other.fields
    }
}

/// An article together with the annotations gathered for it in a run.
public struct AnnotatedArticle: Hashable, Sendable {
    /// The parsed article.
    public var article: Article
    /// What the plugins said about it.
    public var annotations: Annotations

    /// Pairs an article with its annotations.
    public init(article: Article, annotations: Annotations = Annotations()) {
        self.article = article
        self.annotations = annotations
    }
}
