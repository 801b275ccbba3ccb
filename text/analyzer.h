// The one analyzer that builds index terms and query terms: ICU normalisation, then MeCab.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tsubo {

enum class TokenKind : uint8_t {
  Noun,      // nouns, prefixes, numbers, unknown words (名詞, 接頭詞, 未知語): the words of legal concepts
  Predicate, // verbs, adjectives, adverbs (動詞, 形容詞, 副詞…): help ranking, rarely decisive
  Function,  // particles and auxiliaries (助詞, 助動詞): indexed for phrases, dropped from free-text queries
};

struct Token {
  std::string term;         // normalised surface form, the Xapian term
  uint32_t position = 0;    // ordinal among the tokens of one analyze() call, from 0
  uint32_t begin = 0;       // byte offsets in the original (un-normalised) text
  uint32_t end = 0;
  TokenKind kind = TokenKind::Noun;
};

struct AnalyzerError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Not thread-safe: give each thread its own Analyzer (they are cheap once the dictionary is cached
// by the OS). Construction throws AnalyzerError when the dictionary cannot be loaded.
class Analyzer {
 public:
  // dictionary_dir empty = default_dictionary_dir().
  explicit Analyzer(const std::string& dictionary_dir = "");
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Tokens of text in order; symbols and white space produce none.
  std::vector<Token> analyze(std::string_view text) const;

  // Identity of this analyzer and its dictionary, stored in each database and compared when
  // searching: "tsubo-analyzer/1 (nfkc,lower,cjk-space) mecab-0.996 dic=ipadic-utf8 …".
  const std::string& identity() const { return identity_; }
  const std::string& dictionary_dir() const { return dictionary_dir_; }

  // $TSUBO_MECAB_DIC, else Debian's mecab-ipadic-utf8 (/var/lib/mecab/dic/ipadic-utf8).
  static std::string default_dictionary_dir();

 private:
  struct MeCabState;
  std::unique_ptr<MeCabState> mecab_;
  std::string dictionary_dir_;
  std::string identity_;
};

}  // namespace tsubo
