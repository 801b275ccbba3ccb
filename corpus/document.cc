// Small helpers of the document model.
#include "corpus/document.h"

namespace tsubo {

const char* doc_type_name(DocType type) {
  switch (type) {
    case DocType::Statute: return "statute";
    case DocType::Ruling: return "ruling";
    case DocType::Guidance: return "guidance";
  }
  return "unknown";
}

bool parse_doc_type(const std::string& name, DocType& out) {
  for (DocType t : {DocType::Statute, DocType::Ruling, DocType::Guidance}) {
    if (name == doc_type_name(t)) {
      out = t;
      return true;
    }
  }
  return false;
}

std::string join_heading(const std::vector<std::string>& path) {
  std::string out;
  for (const auto& h : path) {
    if (h.empty()) continue;
    if (!out.empty()) out += " › ";
    out += h;
  }
  return out;
}

}  // namespace tsubo
