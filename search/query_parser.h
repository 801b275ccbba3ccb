// The tsubo query language → a Xapian query, through the same analyzer that built the index.
//
//   秘密管理性                     a word; MeCab splits it, its nouns must stand together (a phrase)
//   営業秘密の定義                 noun groups 営業秘密 and 定義, both wanted, particles dropped
//   不正競争防止法 営業秘密 定義   words separated by spaces (also the full-width space)
//   "秘密として管理されている"     an exact phrase, particles included
//   顧客名簿 OR 顧客情報          either; AND is explicit and strict; NOT / -word exclude
//   (顧客名簿 OR 顧客情報) 営業秘密  grouping
//   秘密管理性                     also finds 秘密として管理されている (legal thesaurus)
//
// Words next to each other without an operator are a "soft AND": passages holding all of them rank
// first, passages holding some still follow, so a word the text phrases differently loses little.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "search/ranking.h"

namespace tsubo {

class Analyzer;

struct QuerySyntaxError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ParsedQuery {
  Xapian::Query query;
  // What to mark in snippets: single terms, or runs of terms that must stand together joined by a
  // space ("秘密 管理 性" marks 秘密管理性 but not a lone 秘密). Terms never contain spaces.
  std::vector<std::string> highlight_terms;
  // Requirement tags the query asks for by an outcome word (秘密管理性 否定 → 秘密管理性:denied): the
  // passages carrying them were lifted by RankingParams::outcome_weight.
  std::vector<std::string> outcome_tags;
  // Paragraphs the query cites (不正競争防止法2条6項): a hit on that article shows that paragraph.
  struct CitedParagraph {
    std::string law, article, paragraph;
  };
  std::vector<CitedParagraph> cited_paragraphs;
  // The query reads as a sentence (a bare word with a verb or adjective and particles among several
  // noun groups: 退職した従業員が顧客名簿を持ち出した場合の責任), not as keywords.
  bool question = false;
  // How the bare words were read, for --explain: the concepts searched (noun groups as the query writes
  // them, e.g. 顧客名簿, and content verbs) with their index terms, and the words dropped (particles,
  // auxiliaries, one-character verbs such as し).
  struct Concept {
    std::string text;
    std::vector<std::string> terms;
  };
  std::vector<Concept> concepts;
  std::vector<std::string> dropped;
};

inline constexpr std::size_t kMaxQueryBytes = 1000;

// Throws QuerySyntaxError with a helpful message: empty or over-long query, unbalanced quotes or
// parentheses, an operator with nothing to apply to, a query that is only particles or symbols.
// Bare words are expanded with the legal thesaurus (text/thesaurus.h); quoted phrases are not.
// ranking supplies compound_loose and synonym_weight. With db (the database searched), a word that
// cites a ruling (東京高判平成29・3・21, 平成28年(う)第974号) also finds that ruling, first.
ParsedQuery parse_query(std::string_view text, const Analyzer& analyzer, const RankingParams& ranking = {},
                        const Xapian::Database* db = nullptr);

}  // namespace tsubo
