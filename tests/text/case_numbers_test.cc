// Case numbers: courts.go.jp's metadata form → the form lawyers write.
#include "text/case_numbers.h"

#include <gtest/gtest.h>

namespace tsubo {
namespace {

TEST(CaseNumbers, WrittenAsLawyersWriteThem) {
  EXPECT_EQ(written_case_number("平成28(う)974"), "平成28年(う)第974号");
  EXPECT_EQ(written_case_number("令和1(ネ)10037"), "令和元年(ネ)第10037号");
  EXPECT_EQ(written_case_number("令和3特(わ)129"), "令和3年特(わ)第129号");
  EXPECT_EQ(written_case_number("平成23(ネ)10084等"), "平成23年(ネ)第10084号等");
  EXPECT_EQ(written_case_number("平成22(行ヒ)273"), "平成22年(行ヒ)第273号");
}

TEST(CaseNumbers, OtherShapesStayAsTheyAre) {
  EXPECT_EQ(written_case_number(""), "");
  EXPECT_EQ(written_case_number("平成28年(う)第974号"), "平成28年(う)第974号");
  EXPECT_EQ(written_case_number("2017-03-21"), "2017-03-21");
}

}  // namespace
}  // namespace tsubo
