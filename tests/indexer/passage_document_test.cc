// The Xapian document of a passage: what its heading context adds to the terms.
#include "indexer/passage_document.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include <nlohmann/json.hpp>

#include "text/analyzer.h"

namespace tsubo {
namespace {

bool has_term(const Xapian::Document& doc, const std::string& term) {
  auto it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term;
}

// 最二小決平成30年12月3日 starts at 主文: its case number is only in the metadata.
TEST(PassageDocument, ARulingsFirstPassageHoldsItsCaseNumberInBothForms) {
  Document doc;
  doc.id = "ruling/88168";
  doc.type = DocType::Ruling;
  doc.title = "不正競争防止法違反被告事件";
  doc.meta.case_number = "平成30(あ)582";
  doc.meta.decision_kind = "決定";
  for (const char* text : {"本件上告を棄却する。", "よって，主文のとおり決定する。"}) {
    Passage p;
    p.id = doc.id + "#p" + std::to_string(doc.passages.size() + 1);
    p.heading_path = {doc.passages.empty() ? "主文" : "理由"};
    p.text = text;
    doc.passages.push_back(p);
  }
  Analyzer analyzer;
  const Xapian::Document first = make_passage_document(doc, doc.passages[0], 0, analyzer);
  for (const char* term : {"582", "平成", "30", "年", "第", "号"}) EXPECT_TRUE(has_term(first, term)) << term;
  const Xapian::Document second = make_passage_document(doc, doc.passages[1], 1, analyzer);
  EXPECT_FALSE(has_term(second, "582"));
  EXPECT_EQ(passage_record(doc, doc.passages[0], 0)["meta"]["decision_kind"], "決定");
}

}  // namespace
}  // namespace tsubo
