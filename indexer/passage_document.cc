// Term generation for a passage: heading context first, then the body, after a position gap.
#include "indexer/passage_document.h"

#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "indexer/passage_role.h"
#include "indexer/requirement_tags.h"
#include "indexer/citation_terms.h"
#include "indexer/schema.h"
#include "indexer/statute_version_terms.h"
#include "text/analyzer.h"
#include "text/case_numbers.h"
#include "text/japanese_numbers.h"
#include "text/normalize.h"
#include "text/token_spans.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

// Xapian's glass backend refuses keys over 255 bytes; a term's keys hold the term, escaped (each NUL
// becomes two bytes), and up to 10 bytes of document number. Terms hold no control characters (a
// court_name of 知的財産高等裁判所 and 130 NULs made a 289-byte key and failed the whole run) and at
// most kMaxTermBytes bytes, so no key can reach the limit.
constexpr std::size_t kMaxTermBytes = 240;
constexpr unsigned kHeadingWdf = 2;         // heading words count double: they name the topic
constexpr unsigned kMaxHeadingTokens = schema::kBodyPositionStart - 10;

// The title and heading path; a ruling's first passage adds its case number, in the metadata's form
// and in the lawyers' (平成30(あ)582, 平成30年(あ)第582号): Supreme Court texts start at 主文 and
// never print it, yet either form must find the ruling.
std::string heading_context(const Document& doc, const Passage& passage, std::size_t ordinal) {
  std::string context = doc.title;
  for (const auto& h : passage.heading_path) context += "\n" + h;
  const std::string& number = doc.meta.case_number;
  if (doc.type == DocType::Ruling && !number.empty() && ordinal == 0) {
    context += "\n" + number;
    if (const std::string written = written_case_number(number); written != number) context += "\n" + written;
  }
  return context;
}

std::vector<std::string> requirement_labels(const Passage& passage, PassageRole role) {
  std::vector<std::string> labels;
  for (const auto& tag : tag_requirements(passage, role == PassageRole::Reasoning)) labels.push_back(tag_label(tag));
  return labels;
}

// The stored record, with role and requirement tags worked out once by the caller.
nlohmann::json record_of(const Document& doc, const Passage& passage, std::size_t ordinal, PassageRole role,
                         const std::vector<std::string>& requirements);

// XQ秘密管理性 and XQ秘密管理性:denied terms, and the facet value listing all tags.
void add_requirement_tags(Xapian::Document& xdoc, const std::vector<std::string>& labels) {
  std::string joined;
  for (const auto& label : labels) {
    xdoc.add_boolean_term(prefixed_term(schema::kPrefixRequirement, label.substr(0, label.find(':'))));
    xdoc.add_boolean_term(prefixed_term(schema::kPrefixRequirement, label));
    joined += (joined.empty() ? "" : "|") + label;
  }
  if (!joined.empty()) xdoc.add_value(schema::kValueRequirements, joined);
}

}  // namespace

std::string prefixed_term(const char* prefix, const std::string& value) {
  std::string term = prefix;
  for (char c : utf8::remove_spaces(value))
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) term += c;
  if (term.size() <= kMaxTermBytes) return term;
  std::size_t cut = kMaxTermBytes;
  while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) --cut;
  term.resize(cut);
  return term;
}

std::size_t term_key_bytes(const std::string& term) {
  return term.size() + static_cast<std::size_t>(std::count(term.begin(), term.end(), '\0'));
}

nlohmann::json passage_record(const Document& doc, const Passage& passage, std::size_t ordinal) {
  const PassageRole role = classify_passage(doc, passage);
  return record_of(doc, passage, ordinal, role, requirement_labels(passage, role));
}

namespace {

nlohmann::json record_of(const Document& doc, const Passage& passage, std::size_t ordinal, PassageRole role,
                         const std::vector<std::string>& requirements) {
  const DocumentMeta& m = doc.meta;
  nlohmann::json record = {
      {"doc_id", doc.id},
      {"passage_id", passage.id},
      {"type", doc_type_name(doc.type)},
      {"title", doc.title},
      {"heading", join_heading(passage.heading_path)},
      {"heading_path", passage.heading_path},
      {"text", passage.text},
      {"ordinal", ordinal},
      {"source_begin", passage.source_begin},
      {"source_end", passage.source_end},
      {"meta",
       {{"court", m.court},
        {"date", m.date},
        {"case_number", m.case_number},
        {"case_name", m.case_name},
        {"right_type", m.right_type},
        {"trial_type", m.trial_type},
        {"law", m.law},
        {"law_number", m.law_number},
        {"article", passage.article},
        {"section", passage.section},
        {"role", passage_role_name(role)},
        {"requirements", requirements},
        {"source_url", m.source_url}}},
  };
  // Only statute versions carry these: no bytes spent on the other passages' records.
  if (!m.version_date.empty()) record["meta"]["version_date"] = m.version_date;
  if (!m.amending_law.empty()) record["meta"]["amending_law"] = m.amending_law;
  if (!m.decision_kind.empty()) record["meta"]["decision_kind"] = m.decision_kind;
  if (!doc.collection.empty()) record["collection"] = doc.collection;
  if (!doc.groups.empty()) record["groups"] = doc.groups;
  return record;
}

}  // namespace

Xapian::Document make_passage_document(const Document& doc, const Passage& passage, std::size_t ordinal,
                                       const Analyzer& analyzer) {
  Xapian::Document xdoc;

  unsigned heading_tokens = 0;
  for (const Token& t : analyzer.analyze(heading_context(doc, passage, ordinal))) {
    if (++heading_tokens > kMaxHeadingTokens) break;
    if (term_key_bytes(t.term) > kMaxTermBytes) continue;
    xdoc.add_posting(t.term, 1 + t.position, kHeadingWdf);
  }
  const std::vector<Token> body = analyzer.analyze(passage.text);
  for (const Token& t : body) {
    if (term_key_bytes(t.term) > kMaxTermBytes) continue;
    xdoc.add_posting(t.term, schema::kBodyPositionStart + t.position);
  }
  xdoc.add_value(schema::kValueTokenSpans, pack_token_spans(body, passage.text));

  xdoc.add_boolean_term(prefixed_term(schema::kPrefixPassageId, passage.id));
  xdoc.add_boolean_term(prefixed_term(schema::kPrefixDocId, doc.id));
  xdoc.add_boolean_term(prefixed_term(schema::kPrefixType, doc_type_name(doc.type)));
  if (!doc.meta.court.empty())
    xdoc.add_boolean_term(prefixed_term(schema::kPrefixCourt, normalize_nfkc(doc.meta.court)));
  if (!doc.meta.law.empty()) xdoc.add_boolean_term(prefixed_term(schema::kPrefixLaw, normalize_nfkc(doc.meta.law)));
  if (!passage.article.empty()) xdoc.add_boolean_term(prefixed_term(schema::kPrefixArticle, passage.article));
  if (!doc.meta.right_type.empty())
    xdoc.add_boolean_term(prefixed_term(schema::kPrefixRightType, normalize_nfkc(doc.meta.right_type)));
  if (!passage.section.empty())
    xdoc.add_boolean_term(prefixed_term(schema::kPrefixSection, normalize_nfkc(passage.section)));

  // Who may read it (search/search_query.h, readable_by): XU and the groups; public passages carry neither.
  if (!doc.collection.empty()) xdoc.add_boolean_term(prefixed_term(schema::kPrefixCollection, doc.collection));
  if (!doc.groups.empty()) {
    xdoc.add_boolean_term(schema::kTermRestricted);
    for (const auto& g : doc.groups) xdoc.add_boolean_term(prefixed_term(schema::kPrefixGroup, g));
  }

  add_version_terms(xdoc, doc, passage);
  add_citation_terms(xdoc, passage, passage.article.empty() ? "" : doc.meta.law + "/" + passage.article);

  const std::string date = compact_date(doc.meta.date);
  if (!date.empty()) {
    xdoc.add_value(schema::kValueDate, date);
    xdoc.add_boolean_term(prefixed_term(schema::kPrefixYear, date.substr(0, 4)));
  }
  xdoc.add_value(schema::kValueOrdinal, Xapian::sortable_serialise(static_cast<double>(ordinal)));
  xdoc.add_value(schema::kValueType, doc_type_name(doc.type));
  xdoc.add_value(schema::kValueDocId, doc.id);
  if (!doc.meta.court.empty()) xdoc.add_value(schema::kValueCourt, utf8::remove_spaces(doc.meta.court));
  if (!date.empty() && doc.type != DocType::Statute) xdoc.add_value(schema::kValueYear, date.substr(0, 4));
  // Grouped lists show a ruling once; articles and guidance sections are units of their own (schema.h).
  if (doc.type == DocType::Ruling) xdoc.add_value(schema::kValueGroup, doc.id);
  else if (const std::string hash = xdoc.get_value(schema::kValueTextHash); !hash.empty()) xdoc.add_value(schema::kValueGroup, hash);
  else xdoc.add_value(schema::kValueGroup, passage.id);
  if (!doc.meta.law.empty()) xdoc.add_value(schema::kValueLaw, doc.meta.law);
  if (!doc.meta.right_type.empty()) xdoc.add_value(schema::kValueRightType, doc.meta.right_type);
  if (!passage.section.empty()) xdoc.add_value(schema::kValueSection, passage.section);
  const PassageRole role = classify_passage(doc, passage);
  const std::vector<std::string> requirements = requirement_labels(passage, role);
  add_requirement_tags(xdoc, requirements);
  xdoc.add_boolean_term(prefixed_term(schema::kPrefixRole, passage_role_name(role)));
  xdoc.set_data(record_of(doc, passage, ordinal, role, requirements).dump(-1, ' ', false,
                                                                         nlohmann::json::error_handler_t::replace));
  // Checked here, where a failure is this passage's: Xapian only refuses a key when it writes it,
  // long after, and then fails the run.
  for (auto t = xdoc.termlist_begin(); t != xdoc.termlist_end(); ++t)
    if (term_key_bytes(*t) > kMaxTermBytes)
      throw std::length_error("[indexer] " + passage.id + ": a term of " + std::to_string(term_key_bytes(*t)) +
                              " bytes, over the " + std::to_string(kMaxTermBytes) + "-byte term limit");
  return xdoc;
}

}  // namespace tsubo
