# SPDX-License-Identifier: GPL-3.0-or-later
# CPack settings: a Debian package (dependencies from dpkg-shlibdeps) and a tarball on Linux,
# tested; an NSIS installer on Windows and a drag-and-drop disk image on macOS, untested.
# Build them with scripts/package.sh (or `cpack -G DEB` in the build folder).

set(CPACK_PACKAGE_NAME archsim)
set(CPACK_PACKAGE_VENDOR "The ArchSim developers")
set(CPACK_PACKAGE_CONTACT "The ArchSim developers <archsim@users.noreply.github.com>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Simulate the load and failures of software architectures")
# Lines under 80 columns: dpkg shows this text as it is (lintian: extended-description-line-too-long).
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
       "ArchSim is a desktop tool for software architects: draw layered and service"
       "component graphs (clients, gateways, services, databases, caches, queues,"
       "external APIs) grouped into deployment units, keep them in SQLite project"
       "files, and find out where a design saturates, what its bottleneck is, what it"
       "costs and what a failure does, for a monolith and for microservices of the"
       "same design. archsim-cli runs the same checks and engines in scripts and CI.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY ArchSim)
set(CPACK_PACKAGE_EXECUTABLES archsim ArchSim)
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
# Release binaries in packages: the debug info stays in the build folder.
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build[^/]*/" "/\\\\.git/" "/\\\\.cache/")

if(NOT CPACK_GENERATOR)
  if(WIN32)
    set(CPACK_GENERATOR NSIS ZIP)
  elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
  else()
    set(CPACK_GENERATOR DEB TGZ)
  endif()
endif()

# Debian: archsim_<version>_<arch>.deb. Depends comes from dpkg-shlibdeps (the Qt and SQLite
# libraries the binaries link), plus what is loaded at run time and so invisible to it: the Qt
# platform plugins (xcb, wayland) and the SVG icon engine.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "hicolor-icon-theme, shared-mime-info, desktop-file-utils")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland, sqlite3")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# No maintainer scripts: Debian 12's shared-mime-info, desktop-file-utils, hicolor-icon-theme and
# man-db refresh their caches through dpkg triggers on the folders we install into.

# Tarball: the same tree as the package, under archsim-<version>-Linux/.
set(CPACK_ARCHIVE_FILE_NAME "archsim-${PROJECT_VERSION}-${CMAKE_SYSTEM_NAME}")

# Windows (untested): Start-menu and desktop links to the GUI, archsim-cli on the PATH.
set(CPACK_NSIS_DISPLAY_NAME "ArchSim ${PROJECT_VERSION}")
set(CPACK_NSIS_PACKAGE_NAME ArchSim)
set(CPACK_NSIS_MODIFY_PATH ON)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\archsim.exe")
set(CPACK_CREATE_DESKTOP_LINKS archsim)
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS
    "WriteRegStr HKCR '.archsim' '' 'ArchSim.Project'
     WriteRegStr HKCR 'ArchSim.Project' '' 'ArchSim project'
     WriteRegStr HKCR 'ArchSim.Project\\\\shell\\\\open\\\\command' '' '\\\"$INSTDIR\\\\bin\\\\archsim.exe\\\" \\\"%1\\\"'")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS
    "DeleteRegKey HKCR '.archsim'
     DeleteRegKey HKCR 'ArchSim.Project'")

# macOS (untested): ArchSim.app in a disk image with a link to /Applications.
set(CPACK_DMG_VOLUME_NAME "ArchSim ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDBZ)

include(CPack)
