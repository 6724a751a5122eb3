# `cmake --install` and `cpack -G DEB`: vanban, its data and its documentation in the FHS
# places. The binary finds its data as bin/../share/vanban (pipeline/cli/data_dir.cpp), so
# any prefix works (/usr from the .deb, /usr/local by default, a folder of one's own).
include(GNUInstallDirs)

# vanban-sign beside vanban: `vanban sign|verify` runs it from the same folder.
install(TARGETS vanban vanban-sign RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY styles templates DESTINATION ${CMAKE_INSTALL_DATADIR}/vanban)
# The schemas, for the `# yaml-language-server: $schema=` line `vanban new` writes.
install(DIRECTORY docs/schema DESTINATION ${CMAKE_INSTALL_DATADIR}/vanban)
# fonts/: the README, and the folder an office drops Times New Roman into.
install(FILES fonts/README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/vanban/fonts)
install(FILES completions/vanban.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
  RENAME vanban)
install(FILES man/vanban.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 OPTIONAL)
# The README's links into docs/ keep working in share/doc/vanban; the samples are examples.
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs DESTINATION ${CMAKE_INSTALL_DOCDIR} OPTIONAL)
install(DIRECTORY content/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# The Debian package. Its Depends are found by dpkg-shlibdeps (Debian's dpkg-dev) from the
# shared libraries the binary links (HarfBuzz, FreeType, libpng, libc; the others are linked
# statically), plus the fonts the styles fall back on; tests/e2e/test_package.py checks them.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME vanban)
set(CPACK_PACKAGE_CONTACT "vanban developers <vanban@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "typesetting of Vietnamese official documents (YAML to PDF)")
# (CPack puts the summary first and indents these lines itself.)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "vanban turns YAML content into print-ready PDFs of Vietnamese official
documents, following the presentation rules of Hướng dẫn 36-HD/VPTW (Party
documents) and Nghị định 30/2020/NĐ-CP (State documents): Knuth-Plass line
breaking, HarfBuzz shaping, embedded subset fonts and searchable text.")
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-liberation2")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
