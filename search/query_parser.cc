// Recursive descent over whitespace-separated query words; each word goes through the analyzer.
#include "search/query_parser.h"

#include "search/citation_table.h"

#include <algorithm>

#include "indexer/citation_terms.h"
#include "indexer/passage_document.h"
#include "indexer/schema.h"
#include "text/citations.h"
#include "text/thesaurus.h"
#include "text/analyzer.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

enum class LexKind { Word, Phrase, And, Or, Not, Minus, Open, Close, End };

struct Lexeme {
  LexKind kind;
  std::string text;
};

bool is_quote(char32_t cp) { return cp == U'"' || cp == U'“' || cp == U'”' || cp == U'＂'; }
bool is_open(char32_t cp) { return cp == U'(' || cp == U'（'; }
bool is_close(char32_t cp) { return cp == U')' || cp == U'）'; }

std::vector<Lexeme> lex(std::string_view q) {
  std::vector<Lexeme> out;
  std::size_t i = 0;
  while (i < q.size()) {
    std::size_t at = i;
    char32_t cp = utf8::next(q, i);
    if (utf8::is_space(cp)) continue;
    if (is_open(cp)) {
      out.push_back({LexKind::Open, ""});
      continue;
    }
    if (is_close(cp)) {
      out.push_back({LexKind::Close, ""});
      continue;
    }
    if (is_quote(cp)) {
      std::string phrase;
      bool closed = false;
      while (i < q.size()) {
        const std::size_t p = i;
        const char32_t c = utf8::next(q, i);
        if (is_quote(c)) {
          closed = true;
          break;
        }
        phrase.append(q.substr(p, i - p));
      }
      if (!closed) throw QuerySyntaxError("a quotation mark \" is not closed; put the phrase between two quotes");
      out.push_back({LexKind::Phrase, phrase});
      continue;
    }
    if (cp == U'-' || cp == U'－') {
      // A minus directly before a word excludes it: -退職金
      std::size_t peek = i;
      if (i < q.size() && !utf8::is_space(utf8::next(q, peek))) {
        out.push_back({LexKind::Minus, ""});
        continue;
      }
    }
    // A bare word runs to the next space, quote or parenthesis.
    std::size_t end = i;
    while (end < q.size()) {
      std::size_t p = end;
      const char32_t c = utf8::next(q, p);
      if (utf8::is_space(c) || is_quote(c) || is_open(c) || is_close(c)) break;
      end = p;
    }
    std::string word(q.substr(at, end - at));
    i = end;
    const std::string folded = normalize_nfkc(word);
    if (folded == "AND") out.push_back({LexKind::And, ""});
    else if (folded == "OR") out.push_back({LexKind::Or, ""});
    else if (folded == "NOT") out.push_back({LexKind::Not, ""});
    else out.push_back({LexKind::Word, word});
  }
  out.push_back({LexKind::End, ""});
  return out;
}

class Parser {
 public:
  Parser(std::vector<Lexeme> lexemes, const Analyzer& analyzer, const RankingParams& ranking, const Xapian::Database* db)
      : lx_(std::move(lexemes)), analyzer_(analyzer), compound_loose_(ranking.compound_loose),
        synonym_weight_(ranking.synonym_weight), citation_weight_(ranking.citation_weight),
        cited_first_weight_(ranking.cited_first_weight > 0 ? ranking.cited_first_weight : ranking.citation_weight),
        outcome_weight_(ranking.outcome_weight),
        db_(db) {
    // The particle の as the analyzer indexes it (one token).
    const std::vector<Token> no = analyzer_.analyze("の");
    if (no.size() == 1) no_term_ = no.front().term;
  }

  ParsedQuery run() {
    Xapian::Query q = parse_or();
    if (peek() == LexKind::Close) throw QuerySyntaxError("a closing parenthesis ) has no opening one");
    if (peek() != LexKind::End) throw QuerySyntaxError("unexpected text at the end of the query");
    if (q.empty()) throw QuerySyntaxError("the query has no searchable word (only particles or symbols?)");
    read_outcome();
    ParsedQuery out{q, highlight_, outcome_tags_, cited_paragraphs_, question_, concepts_, dropped_};
    std::sort(out.highlight_terms.begin(), out.highlight_terms.end());
    out.highlight_terms.erase(std::unique(out.highlight_terms.begin(), out.highlight_terms.end()),
                              out.highlight_terms.end());
    return out;
  }

 private:
  LexKind peek() const { return lx_[pos_].kind; }
  const Lexeme& take() { return lx_[pos_++]; }

  Xapian::Query parse_or() {
    Xapian::Query left = parse_and();
    while (peek() == LexKind::Or) {
      take();
      Xapian::Query right = parse_and();
      if (right.empty()) throw QuerySyntaxError("OR needs a word on both sides");
      if (left.empty()) throw QuerySyntaxError("OR needs a word on both sides");
      left = Xapian::Query(Xapian::Query::OP_OR, left, right);
    }
    return left;
  }

  // A run of operands: explicit AND is strict, juxtaposition is the soft AND, NOT and - exclude.
  Xapian::Query parse_and() {
    std::vector<Xapian::Query> soft, strict, excluded;
    while (true) {
      const LexKind k = peek();
      if (k == LexKind::End || k == LexKind::Or || k == LexKind::Close) break;
      if (k == LexKind::And) {
        take();
        Xapian::Query q = parse_unary_operand("AND");
        if (q.empty()) continue;
        if (soft.empty() && strict.empty()) throw QuerySyntaxError("AND needs a word on both sides");
        strict.push_back(q);
        continue;
      }
      if (k == LexKind::Not || k == LexKind::Minus) {
        take();
        Xapian::Query q = parse_unary_operand(k == LexKind::Not ? "NOT" : "-");
        if (!q.empty()) excluded.push_back(q);
        continue;
      }
      Xapian::Query q = parse_atom();
      if (!q.empty()) soft.push_back(q);
    }
    Xapian::Query positive;
    if (!soft.empty()) positive = soft_and(soft);
    if (!strict.empty()) {
      strict.push_back(positive);
      positive = Xapian::Query(Xapian::Query::OP_AND, strict.begin(), strict.end());
    }
    if (!excluded.empty()) {
      if (positive.empty()) throw QuerySyntaxError("NOT needs something to keep: add a word before it");
      positive = Xapian::Query(Xapian::Query::OP_AND_NOT, positive,
                               Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
    }
    return positive;
  }

  Xapian::Query parse_unary_operand(const char* op) {
    const LexKind k = peek();
    if (k == LexKind::End || k == LexKind::Or || k == LexKind::And || k == LexKind::Close)
      throw QuerySyntaxError(std::string(op) + " needs a word after it");
    return parse_atom();
  }

  Xapian::Query parse_atom() {
    const Lexeme& l = take();
    switch (l.kind) {
      case LexKind::Open: {
        Xapian::Query inner = parse_or();
        if (peek() != LexKind::Close) throw QuerySyntaxError("an opening parenthesis ( is not closed");
        take();
        return inner;
      }
      case LexKind::Phrase: return phrase(l.text);
      case LexKind::Word: return word(l.text);
      case LexKind::Not:
      case LexKind::Minus:
        throw QuerySyntaxError("NOT cannot follow another NOT");
      default: throw QuerySyntaxError("unexpected operator");
    }
  }

  // An outcome word among the query's words (否定, 認められない, 肯定例, 有効 …) beside a requirement
  // (秘密管理性, or its statutory wording): the requirement tags of passages where a court decided it
  // that way, for the search to lift (search/search_query.cc, beside the role priors); the words
  // themselves are searched as any others (a question "…は認められるか" names no outcome).
  void read_outcome() {
    if (outcome_weight_ <= 0) return;
    static const std::pair<const char*, const char*> kOutcomes[] = {
        {"否定", "denied"},     {"否定例", "denied"},   {"否定された", "denied"}, {"認められない", "denied"},
        {"認めない", "denied"}, {"無効", "denied"},     {"非該当", "denied"},     {"肯定", "affirmed"},
        {"肯定例", "affirmed"}, {"肯定された", "affirmed"}, {"認められた", "affirmed"}, {"認める", "affirmed"},
        {"有効", "affirmed"},   {"該当", "affirmed"}};
    std::string finding;
    std::vector<std::string> named;
    for (const Lexeme& l : lx_) {
      if (l.kind != LexKind::Word) continue;
      const std::string word = Thesaurus::key(l.text);
      for (const auto& [outcome, f] : kOutcomes)
        if (word == outcome) finding = f;
      for (const auto& req : Thesaurus::builtin().requirements())
        for (const std::string& k : req.keys)
          if (word.find(k) != std::string::npos && std::find(named.begin(), named.end(), req.name) == named.end())
            named.push_back(req.name);
    }
    if (finding.empty()) return;
    for (const auto& name : named) outcome_tags_.push_back(name + ":" + finding);
  }

  // Passages with every part rank first; passages with some parts still match.
  static Xapian::Query soft_and(const std::vector<Xapian::Query>& parts) {
    if (parts.size() == 1) return parts.front();
    Xapian::Query all(Xapian::Query::OP_AND, parts.begin(), parts.end());
    Xapian::Query any(Xapian::Query::OP_OR, parts.begin(), parts.end());
    return Xapian::Query(Xapian::Query::OP_OR, all, any);
  }

  static std::string joined(const std::vector<std::string>& terms) {
    std::string out;
    for (const auto& t : terms) out += (out.empty() ? "" : " ") + t;
    return out;
  }

  static Xapian::Query adjacent(const std::vector<std::string>& terms) {
    if (terms.size() == 1) return Xapian::Query(terms.front());
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                         static_cast<Xapian::termcount>(terms.size()));
  }

  // A compound: the phrase, or, scaled down, all its parts anywhere in the passage. Written as
  // "all parts, plus the phrase where it holds" (AND_MAYBE), which scores every passage as
  // "phrase OR scaled parts" would (a phrase match is a parts match too). The OR form met a bug in
  // Xapian 1.4.22: under a filter (a type, a court) two such compounds in one query gave a passage
  // weight from a compound it does not contain (19.5 → 28.5 on 個人情報 第三者提供, type guidance).
  // The compound written with の between two of its parts (損害額 → 損害の額, 秘密管理 → 秘密の管理):
  // N1N2 and N1のN2 name one thing in Japanese, and statutes often use the longer form.
  std::vector<Xapian::Query> no_variants(const std::vector<std::string>& terms) const {
    std::vector<Xapian::Query> out;
    if (terms.size() < 2 || terms.size() > 3 || no_term_.empty()) return out;
    for (std::size_t cut = 1; cut < terms.size(); ++cut) {
      std::vector<std::string> with_no(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(cut));
      with_no.push_back(no_term_);
      with_no.insert(with_no.end(), terms.begin() + static_cast<std::ptrdiff_t>(cut), terms.end());
      out.push_back(adjacent(with_no));
    }
    return out;
  }

  Xapian::Query compound(const std::vector<std::string>& terms) const {
    Xapian::Query exact = adjacent(terms);
    if (terms.size() < 2 || compound_loose_ <= 0) return exact;
    Xapian::Query loose(Xapian::Query::OP_AND, terms.begin(), terms.end());
    Xapian::Query both(Xapian::Query::OP_AND_MAYBE, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, loose, compound_loose_),
                       exact);
    // The の forms hold every part too (loose matches them): they add what the phrase would add, to
    // passages without the phrase itself. (An OR of the phrase and its の forms under AND_MAYBE met the
    // Xapian 1.4.22 matcher bug under filters that the note above describes.)
    const std::vector<Xapian::Query> variants = no_variants(terms);
    if (variants.empty()) return both;
    Xapian::Query only_variants(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, variants.begin(), variants.end()),
                                exact);
    return Xapian::Query(Xapian::Query::OP_OR, both,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, only_variants, 1 - compound_loose_));
  }

  // An exact phrase: every token, particles included, in order.
  Xapian::Query phrase(const std::string& text) {
    std::vector<std::string> terms;
    for (const Token& t : analyzer_.analyze(text)) terms.push_back(t.term);
    if (terms.empty()) return Xapian::Query();
    highlight_.push_back(joined(terms));
    return adjacent(terms);
  }

  // A bare word: runs of nouns become phrases (compounds such as 秘密管理性 = 秘密+管理+性), other
  // content words (verbs, adjectives) are kept as single terms, particles are dropped.
  // A bare word, or its thesaurus expressions too: 秘密管理性 also finds 秘密として管理されている.
  // A word without an entry of its own has each of its noun groups looked up instead.
  Xapian::Query word(const std::string& text) {
    Xapian::Query typed = plain_word(text);
    if (typed.empty()) return typed;
    return with_citation(with_synonyms(typed, text), text);
  }

  // 不正競争防止法2条6項: also the article itself, first, and the passages that cite it; 東京高判平成29・3・21
  // (with a database to find it in): the ruling's first passage, first, and the passages citing it.
  // Boolean terms carry no weight of their own: each is lifted by a fixed weight.
  Xapian::Query with_citation(const Xapian::Query& typed, const std::string& text) {
    if (citation_weight_ <= 0) return typed;
    auto lifted = [](const Xapian::Query& filter, double weight) {
      auto* source = new Xapian::FixedWeightPostingSource(weight);
      return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(source->release()), filter);
    };
    std::vector<Xapian::Query> parts{typed};
    if (text.find("条") != std::string::npos) {
      const auto cite = parse_statute_reference(text);
      if (!cite || cite->article.empty()) return typed;
      const Xapian::Query article(Xapian::Query::OP_AND,
                                  Xapian::Query(prefixed_term(schema::kPrefixLaw, normalize_nfkc(cite->law))),
                                  Xapian::Query(prefixed_term(schema::kPrefixArticle, cite->article)));
      parts.push_back(lifted(Xapian::Query(cites_statute_term(cite->key())), citation_weight_));
      parts.push_back(lifted(article, cited_first_weight_));
      if (!cite->paragraph.empty()) cited_paragraphs_.push_back({cite->law, cite->article, cite->paragraph});
    } else if (db_) {
      const auto ruling = parse_ruling_reference(text);
      if (!ruling) return typed;
      const std::string target = resolve_ruling(*db_, ruling->case_number, ruling->court, ruling->date);
      const std::string key = !ruling->case_number.empty() ? ruling->case_number : ruling->court + "|" + ruling->date;
      parts.push_back(lifted(Xapian::Query(cites_ruling_term(key)), citation_weight_));
      if (!target.empty()) parts.push_back(lifted(Xapian::Query(prefixed_term(schema::kPrefixPassageId, target)), cited_first_weight_));
    } else {
      return typed;
    }
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
  }

  Xapian::Query with_synonyms(const Xapian::Query& typed, const std::string& expression) {
    if (synonym_weight_ <= 0) return typed;
    std::vector<Xapian::Query> alternatives;
    for (const std::string& alt : Thesaurus::builtin().alternatives(expression)) {
      Xapian::Query q = phrase(alt);
      if (q.empty()) continue;
      // A phrase weighs the sum of its terms: scale a long wording down to the typed word's size,
      // so that 秘密として管理されている (7 terms) does not outweigh 秘密管理性 (3 terms).
      const double size = static_cast<double>(typed.get_length()) / static_cast<double>(q.get_length());
      alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, q, std::min(1.0, size));
    }
    if (alternatives.empty()) return typed;
    // A passage saying the typed word is weighed by it alone; the synonyms only lift passages that
    // lack it (no double counting). OP_MAX would be the natural operator, but Xapian 1.4.22 crashes on
    // OP_MAX over phrases (and across several databases), so OR and AND_NOT do the work.
    Xapian::Query others(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    Xapian::Query only_synonyms(Xapian::Query::OP_AND_NOT, others, typed);
    return Xapian::Query(Xapian::Query::OP_OR, typed,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, only_synonyms, synonym_weight_));
  }

  Xapian::Query plain_word(const std::string& text) {
    const bool whole_word_listed = synonym_weight_ > 0 && !Thesaurus::builtin().alternatives(text).empty();
    std::vector<Xapian::Query> groups;
    std::vector<std::string> run;
    std::string run_text;
    auto flush = [&] {
      if (!run.empty()) {
        concepts_.push_back({run_text, run});
        Xapian::Query group = compound(run);
        if (!whole_word_listed) {
          std::string surface;
          for (const auto& t : run) surface += t;
          group = with_synonyms(group, surface);
        }
        groups.push_back(group);
        highlight_.push_back(joined(run));
      }
      run.clear();
      run_text.clear();
    };
    std::size_t predicates = 0, particles = 0, nouns = 0;
    for (const Token& t : analyzer_.analyze(text)) {
      predicates += t.kind == TokenKind::Predicate;
      particles += t.kind == TokenKind::Function;
      nouns += t.kind == TokenKind::Noun && run.empty();
      const std::string surface = text.substr(t.begin, t.end - t.begin);
      if (t.kind == TokenKind::Noun) {
        run.push_back(t.term);
        run_text += surface;
        continue;
      }
      flush();
      if (t.kind == TokenKind::Predicate && utf8::length(t.term) > 1) {
        groups.emplace_back(t.term);
        highlight_.push_back(t.term);
        concepts_.push_back({surface, {t.term}});
      } else {
        dropped_.push_back(surface);
      }
    }
    flush();
    if (predicates > 0 && particles > 0 && nouns >= 2) question_ = true;
    if (groups.empty()) return Xapian::Query();
    return soft_and(groups);
  }

  std::vector<Lexeme> lx_;
  std::size_t pos_ = 0;
  const Analyzer& analyzer_;
  double compound_loose_;
  double synonym_weight_;
  double citation_weight_;
  double cited_first_weight_;
  double outcome_weight_;
  const Xapian::Database* db_;
  std::string no_term_;
  std::vector<std::string> highlight_;
  bool question_ = false;
  std::vector<ParsedQuery::Concept> concepts_;
  std::vector<std::string> dropped_;
  std::vector<std::string> outcome_tags_;
  std::vector<ParsedQuery::CitedParagraph> cited_paragraphs_;
};

}  // namespace

ParsedQuery parse_query(std::string_view text, const Analyzer& analyzer, const RankingParams& ranking,
                        const Xapian::Database* db) {
  if (text.size() > kMaxQueryBytes)
    throw QuerySyntaxError("the query is too long (" + std::to_string(text.size()) + " bytes; at most " +
                           std::to_string(kMaxQueryBytes) + ")");
  if (!utf8::valid(text)) throw QuerySyntaxError("the query is not valid UTF-8");
  if (utf8::trim(text).empty()) throw QuerySyntaxError("the query is empty");
  return Parser(lex(text), analyzer, ranking, db).run();
}

}  // namespace tsubo
