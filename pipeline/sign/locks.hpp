#pragma once
/// Field locks: the form fields a signature locks (ISO 32000-1 §12.8.2.4, the FieldMDP
/// transform of its signature dictionary's /Reference; §12.7.4.5, table 233, its field's
/// /Lock dictionary), and the changes later revisions make to them. DocMDP (changes.hpp)
/// lets anyone fill in a field after a signature; a lock takes that back for the fields it
/// names, e.g. a leader's signature that locks the text's fields while the clerk may still
/// fill in the number.
#include <optional>
#include <string>
#include <vector>

namespace PoDoFo {
class PdfMemDocument;
}

namespace vanban::sign {

/// Which fields a signature locks: /Action /All, /Include (the /Fields) or /Exclude (all but them).
struct FieldLock {
  enum class Action { All, Include, Exclude };
  Action action = Action::All;
  std::vector<std::string> fields;  ///< the full names /Fields lists (Include, Exclude)
  bool from_reference = false;      ///< read from the signed FieldMDP transform, not the field's /Lock
  /// /P (PDF 2.0, ISO 32000-2 table 236; 1 locks the whole document after the signature):
  /// the DocMDP level the changes after this signature are held to, 0 when absent.
  int permissions = 0;

  /// Whether the field whose full name is `name` is locked. A listed name stands for the
  /// field and the fields under it ("a" also names "a.b"), as a field's name is its parent's
  /// name and its own /T joined by ".".
  bool locks(const std::string& name) const;
};

/// The lock of the signature in the field named `field` of `signed_revision` (the file up to
/// the end of the revision the signature covers, so that a later revision cannot rewrite
/// it): the FieldMDP transform of its signature dictionary, which the signature covers,
/// else its field's /Lock; nothing when it has neither. An /Action this code does not know
/// (or none) is read as /All: a verifier errs towards "changed".
std::optional<FieldLock> read_field_lock(PoDoFo::PdfMemDocument& signed_revision, const std::string& field);

/// The changes `full` (the whole file) makes to the fields of `signed_revision` that `lock`
/// locks, in words, naming the signature by its field `signature`. A locked field may not
/// change its value or its appearance (/V, inherited from a parent field too; /AP, /AS, /MK
/// of the field and of its widgets), nor leave the form or be replaced by another object of
/// the same name. A locked signature field that was still empty may be signed: a lock guards
/// what was filled in, and signing is not a change of a value.
std::vector<std::string> locked_field_changes(PoDoFo::PdfMemDocument& signed_revision, PoDoFo::PdfMemDocument& full,
                                              const FieldLock& lock, const std::string& signature);

/// The lock in words for the report: "all fields", "the fields a, b", "all fields but b".
std::string describe_lock(const FieldLock& lock);

}  // namespace vanban::sign
