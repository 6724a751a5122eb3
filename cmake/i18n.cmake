# Messages in Vietnamese (GNU gettext, Debian's `gettext` package): po/vi.po is compiled
# into <build>/locale/vi/LC_MESSAGES/vanban.mo, where a binary run from the build folder
# finds it (pipeline/core/i18n.cpp), and installed to share/locale. `cmake --build
# <dir> --target vanban-pot` extracts the messages into po/vanban.pot (then
# `msgmerge --no-wrap --update po/vi.po po/vanban.pot`). The keywords are those of core/i18n.hpp;
# tests/e2e/test_translations.py extracts with the same ones (VANBAN_XGETTEXT_KEYWORDS).
find_program(MSGFMT_EXECUTABLE msgfmt REQUIRED)
find_program(XGETTEXT_EXECUTABLE xgettext)

set(vanban_mo ${PROJECT_BINARY_DIR}/locale/vi/LC_MESSAGES/vanban.mo)
add_custom_command(OUTPUT ${vanban_mo}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/locale/vi/LC_MESSAGES
  COMMAND ${MSGFMT_EXECUTABLE} --check -o ${vanban_mo} ${PROJECT_SOURCE_DIR}/po/vi.po
  DEPENDS ${PROJECT_SOURCE_DIR}/po/vi.po
  COMMENT "Compiling po/vi.po" VERBATIM)
add_custom_target(vanban-mo ALL DEPENDS ${vanban_mo})
add_dependencies(vanban vanban-mo)
install(FILES ${vanban_mo} DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/vi/LC_MESSAGES)

if(XGETTEXT_EXECUTABLE)
  add_custom_target(vanban-pot
    COMMAND ${PROJECT_SOURCE_DIR}/scripts/extract-messages.sh ${XGETTEXT_EXECUTABLE} ${PROJECT_SOURCE_DIR}/po/vanban.pot
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    COMMENT "Extracting the messages into po/vanban.pot" VERBATIM)
endif()

# The manual page in Vietnamese (`man -L vi vanban`).
install(FILES man/vi/vanban.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/vi/man1)
