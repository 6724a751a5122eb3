#pragma once
/// What the forms other than the report add around the body (docs/content-format.md,
/// "Forms"): the letter's summary under the number and its Kính gửi, "Như trên" in Nơi
/// nhận, the decision's authority line, căn cứ and enacting word, the appendices' headings.
#include <cstddef>
#include <optional>
#include <vector>

#include "pipeline/content/document.hpp"
#include "pipeline/resolve/styled.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::resolve {

/// A kind without a title block (công văn): its title as the summary under the number,
/// after the style's prefix ("V/v ").
void letter_summary(const content::Document& doc, const style::Style& style, HeaderGrid& header);

/// "Kính gửi:" (or the kind's own label: a Party tờ trình's "Kính trình:") and the
/// addressees, as one block: one addressee on the label's line, several each on its own
/// line with the style's prefix and end punctuation. None without addressees.
std::optional<Block> addressees(const content::Document& doc, const style::Style& style, const style::Kind& kind);

/// Nơi nhận as printed: "Như trên" first when the document has a Kính gửi (NĐ 30, ô 9b),
/// unless it is already there.
std::vector<content::Text> closing_recipients(const content::Document& doc, const style::Style& style);

/// The opening of a decision, as blocks: authority line, căn cứ (each ending as the style
/// says), the enacting word of `kind` (when there is a căn cứ or an authority line); the
/// Party puts the authority after the căn cứ.
void decision_opening(const content::Document& doc, const style::Style& style, const style::Kind& kind,
                      std::vector<Block>& out);

/// What an appendix's heading says: its number, title, whose document it is attached to.
struct AttachedHeading {
  int number = 0;                 ///< 1: "Phụ lục I", …; 0: the style's single form, "Phụ lục"
  const content::Text& title;
  const content::Text& of;        ///< for " của …" (may be empty)
  const std::string& kind_name;   ///< the main document's type name, "QUYẾT ĐỊNH"
  SourcePos pos;
};

/// The main document's number and symbol as an appendix names it: "36/QĐ-UBND", or the
/// blank form when the number is not given.
std::string attached_number(const content::Document& doc, const style::Style& style);

/// An appendix's heading: "Phụ lục I", the title, "(Kèm theo {kind} số … ngày … của …)"
/// from the document's header; its pages are numbered from 1 again.
Block attached_heading(const content::Document& doc, const style::Style& style, const AttachedHeading& a);

/// The heading of appendix `index` (0-based) of `count`: "Phụ lục I" (or the single form),
/// its title, "(Kèm theo … số … ngày … của …)".
Block appendix_heading(const content::Document& doc, const style::Style& style, std::size_t index,
                       std::size_t count);

/// An attachment issued as a file of its own (a kind of the attachment form; NĐ 30 Phụ lục
/// I, III.1.d): its appendix heading (from `attached_to` and the header, which are the main
/// document's) as the first block of `out.body`, and the organisation's signature field at
/// the top right of page 1. Throws an Error at the first field such a file cannot have
/// (signature, recipients, the header grid's markings, …) or for a missing `attached_to`.
void attachment_opening(const content::Document& doc, const style::Style& style, StyledDocument& out);

/// Throws an Error at `attached_to` when `kind` is not of the attachment form.
void refuse_attached_to(const content::Document& doc, const style::Kind& kind);

}  // namespace vanban::resolve
