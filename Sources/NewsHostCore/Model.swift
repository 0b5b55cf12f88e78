// The article model lives in its own small target (NewsHostModel), which the
// plugin host uses without the parser; everything that parses sees it
// through this module as before.
@_exported import NewsHostModel
