// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/runrecord.h"

#include "model/jsonwriter.h"
#include "model/project.h"

#include <QCryptographicHash>

namespace archsim {

QString modelRevision(const Variant &variant) {
    Project p;
    p.variants << variant;
    p.variants[0].name.clear(); // a renamed variant is the same design
    for (Component &c : p.variants[0].components) {
        c.x = 0;
        c.y = 0;
        c.width.reset();
        c.height.reset();
    }
    return QString::fromLatin1(
        QCryptographicHash::hash(writeProjectJson(p), QCryptographicHash::Sha1).toHex().left(12));
}

} // namespace archsim
