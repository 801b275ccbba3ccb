// The knobs of tsubo's ranking, in one place. Defaults were chosen on the development set with
// `tsubo eval --rank …` over a coarse grid (round values, few knobs, so as not to fit its 22 queries).
#pragma once

#include <string>

namespace tsubo {

struct RankingParams {
  // BM25 (Xapian::BM25Weight). Passages run from one line to a few thousand characters; they are
  // already units of one topic, and on the development set no length normalisation ranked best
  // (b 0 / 0.1 / 0.3 / 0.5: nDCG@10 0.634 / 0.618 / 0.619 / 0.611, flat for k1 0.5–2).
  double k1 = 1.0;
  double b = 0;

  // Prior added to the BM25 score of a matching passage by its role (indexer/passage_role.h):
  // the court's own reasoning before the parties' claims, definitions before other provisions.
  double role_reasoning = 3;
  double role_claims = 0;
  double role_background = 0;
  double role_definition = 3;
  double role_provision = 0;
  double role_guidance = 0;

  // A compound (秘密管理性) must match as a phrase; passages holding all its parts apart also match,
  // with their weight scaled by this factor (0 = phrase only).
  double compound_loose = 0.4;

  // Expressions from the legal thesaurus (text/legal_thesaurus.tsv) added to a query word count
  // with this factor of their weight (0 = no expansion).
  double synonym_weight = 0.3;

  // A query word that is a statute reference (不正競争防止法2条6項, 不競法２条６項) also finds the
  // article itself and every passage citing it (indexed citation terms), with this fixed weight.
  double citation_weight = 3;
  // The cited article (民法709条 → 民法第七百九条) or ruling (東京高判平成29・3・21 → its first passage)
  // itself, with this fixed weight: above any text score, so what a citation names comes first, then
  // what discusses it (0 = weighed as the citing passages are).
  double cited_first_weight = 100;

  // A query naming a requirement (秘密管理性) and an outcome (否定, 認められない, 肯定, 有効 …) lifts the
  // passages where the court decided it that way (requirement tags, indexer/requirement_tags.h) by
  // this fixed weight; it never filters (0 = off).
  double outcome_weight = 5;

  // The best statute article and the best guidance passage are shown by this rank (1-based) when
  // ranking by relevance and they score at least mix_min_share of the top hit (search/type_mix.h;
  // 0 = ranking by score alone).
  double mix_rank = 5;
  double mix_min_share = 0.2;

  // At most this many passages of one document in a result list (0 = no limit): a lawyer wants the
  // holdings of several courts, not ten paragraphs of one ruling. Xapian collapses on the document id.
  double per_document = 0;

  // A query that reads as a question (ParsedQuery::question) is lifted by the feedback_terms best
  // nouns of its first feedback_docs passages (at most feedback_per_document of one document, found by
  // the question's feedback_elite heaviest terms), each in at most feedback_max_passages passages (a
  // longer postlist costs more time than its weight is worth), scaled by feedback_weight
  // (search/question_expansion.h; 0 terms = off). Dev questions nDCG@10 0.29 → 0.37, keywords unchanged.
  double feedback_terms = 20;
  double feedback_docs = 10;
  double feedback_weight = 0.5;
  double feedback_per_document = 1;
  double feedback_elite = 8;
  double feedback_max_passages = 2000;

  // Sets one knob by name (k1, b, role_reasoning, …, compound_loose); false for an unknown name.
  bool set(const std::string& name, double value);
  // "name=value,name=value"; throws std::invalid_argument naming the bad part.
  void apply(const std::string& assignments);
};

}  // namespace tsubo
