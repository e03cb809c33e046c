// SPDX-License-Identifier: GPL-3.0-or-later
// Comparison reports: the verdict's sensitivity on a case computed by hand, and the three files
// archsim-cli report writes — PDF read back with pdftotext, HTML without external references,
// CSV equal to compare --json — with hostile names escaped and intact in each.
#include "modelbuilder.h"
#include "studycli.h"

#include "model/jsonwriter.h"
#include "simulator/study/sensitivity.h"
#include "simulator/study/variantfigures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace archsim;
using archsim::test::ModelBuilder;
using archsim::test::runCli;

namespace {

const QString kScript = QStringLiteral("<script>alert(1)</script>");
const QString kUnicode = QStringLiteral("Ünïcødé & \"quotes\"");
// A variant name that Qt Charts would take for markup if it were not escaped.
const QString kVariant = QStringLiteral("Two <b>&");

// Variant "Big": one unit of 4 cores at 3 a month; "Small": units of 1 core at 1 a month.
// With load L = rate x service time (busy cores) and at most 85% busy, Small needs
// ceil(L / 0.85) replicas and Big ceil(L / 3.4): at 100/s x 10 ms, L = 1, Small costs 2 and Big
// 3. Small stays cheaper until L passes 1.7 (Small needs 3, a tie that goes to Big, listed
// first): the service time, or the load, times 1.7.
Variant sized(bool big) {
    ModelBuilder b;
    b.client(QStringLiteral("c"));
    b.unit(QStringLiteral("u"), big ? 4 : 1, 1, big ? 4 : 1);
    b.component(QStringLiteral("work"), QStringLiteral("u"), 10)
        .call(QStringLiteral("c"), QStringLiteral("work"))
        .open(QStringLiteral("w"), QStringLiteral("c"), 100);
    Variant v = b.variant();
    v.name = big ? QStringLiteral("Big") : QStringLiteral("Small");
    v.units[1].costPerHour = (big ? 3.0 : 1.0) / sim::kHoursPerMonth;
    return v;
}

// Two variants of a small design whose names are hostile: a component named like a script and
// one (and a workload) with non-ASCII letters, an ampersand and quotes.
QByteArray hostileProject() {
    Project p;
    p.name = QStringLiteral("hostile");
    for (bool two : {false, true}) {
        ModelBuilder b;
        b.client(QStringLiteral("web"));
        b.unit(QStringLiteral("app"), 8, two ? 2 : 1, 2);
        b.unit(QStringLiteral("db"), 4, 1, 4);
        b.component(QStringLiteral("api"), QStringLiteral("app"), 4)
            .component(QStringLiteral("store"), QStringLiteral("db"), 2, Distribution::Exponential,
                       1, ComponentKind::Database)
            .call(QStringLiteral("web"), QStringLiteral("api"))
            .call(QStringLiteral("api"), QStringLiteral("store"))
            .open(kUnicode, QStringLiteral("web"), 150);
        Variant v = b.variant();
        v.name = two ? kVariant : QStringLiteral("One");
        v.components[1].name = kScript;
        v.components[2].name = kUnicode;
        for (Component &c : v.components) {
            c.x = 40 + 200 * v.componentIndex(c.id);
            c.y = 60;
        }
        for (Unit &u : v.units)
            if (!u.implicit) u.costPerHour = 0.1;
        p.variants << v;
    }
    return writeProjectJson(p);
}

QString pdfText(const QString &pdf) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

int pdfPages(const QString &pdf) {
    QProcess p;
    p.start(QStringLiteral("pdfinfo"), {pdf});
    p.waitForFinished(60000);
    const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)"))
                       .match(QString::fromUtf8(p.readAllStandardOutput()));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// RFC 4180: fields separated by commas, quoted when they hold commas, quotes or line breaks,
// a quote inside doubled.
std::vector<QStringList> parseCsv(const QString &text) {
    std::vector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (quoted) {
            if (ch == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += ch;
                ++i;
            } else if (ch == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += ch;
            }
        } else if (ch == QLatin1Char('"')) {
            quoted = true;
        } else if (ch == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (ch == QLatin1Char('\r')) {
        } else if (ch == QLatin1Char('\n')) {
            row << field;
            field.clear();
            rows.push_back(row);
            row.clear();
        } else {
            field += ch;
        }
    }
    return rows;
}

QString collapse(QString s) {
    return s.simplified();
}

const QStringList kShort{QStringLiteral("--duration"),     QStringLiteral("5"),
                         QStringLiteral("--warmup"),       QStringLiteral("1"),
                         QStringLiteral("--replications"), QStringLiteral("2"),
                         QStringLiteral("--seed"),         QStringLiteral("7")};

} // namespace

class TestReport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_example = QStringLiteral(ARCHSIM_EXAMPLES "/shop.json");
    QString m_hostile;

    QString report(const QString &file, const QString &out, const QStringList &extra = {}) {
        const QString path = m_dir.filePath(out);
        const auto r =
            runCli(QStringList{QStringLiteral("report"), file, QStringLiteral("-o"), path}
                   << extra << kShort);
        if (r.exitCode != 0) qWarning() << r.err;
        return r.exitCode == 0 ? path : QString();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_hostile = m_dir.filePath(QStringLiteral("hostile.json"));
        QFile f(m_hostile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(hostileProject());
    }

    void sensitivityFindsTheHandComputedFlip() {
        sim::SensitivityOptions options;
        options.range = 0.8; // up to x1.8, past the flip at x1.7
        const sim::Sensitivity s =
            sim::verdictSensitivity({sized(true), sized(false)}, 100, options);
        QCOMPARE(s.recommended, 1); // Small: 2 against 3 a month
        QVERIFY(s.baseAdvantage);
        QVERIFY(std::fabs(*s.baseAdvantage - 1) < 1e-9);
        QCOMPARE(int(s.factors.size()), 2); // the load and "work"
        for (const sim::SensitivityFactor &f : s.factors) {
            QVERIFY2(f.flipAbove, qPrintable(f.label));
            QVERIFY2(std::fabs(*f.flipAbove - 1.7) <= 0.011,
                     qPrintable(QStringLiteral("%1 flips at %2").arg(f.label).arg(*f.flipAbove)));
            QCOMPARE(f.flipToAbove, QStringLiteral("Big"));
            QVERIFY(!f.flipBelow); // cheaper still with less work: 1 against 3
            QVERIFY(f.advantageLow && std::fabs(*f.advantageLow - 2) < 1e-9); // x0.2: 1 vs 3
            QVERIFY(f.advantageHigh && std::fabs(*f.advantageHigh) < 1e-9);   // x1.8: 3 vs 3
        }
    }

    void pdfCarriesTheVerdictTableAndNames() {
        const QString pdf =
            report(m_example, QStringLiteral("shop.pdf"),
                   {QStringLiteral("--variants"), QStringLiteral("Monolith,Microservices"),
                    QStringLiteral("--p99"), QStringLiteral("400")});
        QVERIFY(!pdf.isEmpty());
        const QString text = collapse(pdfText(pdf));
        QVERIFY2(text.contains(QStringLiteral("Verdict")), qPrintable(text.left(500)));
        QVERIFY(text.contains(QStringLiteral("Monolith")));
        QVERIFY(text.contains(QStringLiteral("Microservices")));
        // The recommendation names the variant whose own plan (archsim-cli plan) is cheaper.
        double cost[2] = {0, 0};
        const QStringList names{QStringLiteral("Monolith"), QStringLiteral("Microservices")};
        for (int i = 0; i < 2; ++i) {
            const auto r =
                runCli(QStringList{QStringLiteral("plan"), m_example, QStringLiteral("--variant"),
                                   names[i], QStringLiteral("--rate"), QStringLiteral("250"),
                                   QStringLiteral("--p99"), QStringLiteral("400"),
                                   QStringLiteral("--json")}
                       << kShort);
            QCOMPARE(r.exitCode, 0);
            const QJsonObject plan = QJsonDocument::fromJson(r.out).object();
            QVERIFY(plan.value(QStringLiteral("feasible")).toBool());
            cost[i] = plan.value(QStringLiteral("costPerMonth")).toDouble();
        }
        const QString pick = cost[0] <= cost[1] ? names[0] : names[1];
        // --json tells the same pick and cost.
        const auto json =
            runCli(QStringList{QStringLiteral("report"), m_example, QStringLiteral("--variants"),
                               QStringLiteral("Monolith,Microservices"), QStringLiteral("--p99"),
                               QStringLiteral("400"), QStringLiteral("-o"),
                               m_dir.filePath(QStringLiteral("j.csv")), QStringLiteral("--json")}
                   << kShort);
        QCOMPARE(json.exitCode, 0);
        const QJsonObject summary = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(summary.value(QStringLiteral("recommended")).toString(), pick);
        QCOMPARE(summary.value(QStringLiteral("costPerMonth")).toDouble(),
                 std::min(cost[0], cost[1]));
        QVERIFY2(text.contains(QStringLiteral("Recommendation: %1.").arg(pick)),
                 qPrintable(text.left(1500)));
        QVERIFY(text.contains(
            QStringLiteral("$%1 per month").arg(std::min(cost[0], cost[1]), 0, 'f', 0)));
        QVERIFY(text.contains(QStringLiteral("What could change it")));
        // Every metric of the comparison table.
        const auto r =
            runCli(QStringList{QStringLiteral("compare"), m_example, QStringLiteral("--variants"),
                               QStringLiteral("Monolith,Microservices"), QStringLiteral("--p99"),
                               QStringLiteral("400"), QStringLiteral("--json")}
                   << kShort);
        QCOMPARE(r.exitCode, 0);
        for (const QJsonValue &row :
             QJsonDocument::fromJson(r.out).object().value(QStringLiteral("rows")).toArray()) {
            const QString metric = row.toObject().value(QStringLiteral("metric")).toString();
            QVERIFY2(text.contains(metric), qPrintable(metric));
        }
        for (const QString &section :
             {QStringLiteral("The comparison table"), QStringLiteral("Single points of failure"),
              QStringLiteral("Capacity plan"), QStringLiteral("Assumptions and provenance"),
              QStringLiteral("SHA-256")})
            QVERIFY2(text.contains(section), qPrintable(section));
        const int pages = pdfPages(pdf);
        QVERIFY2(pages >= 8 && pages <= 14, qPrintable(QString::number(pages)));
        QVERIFY(text.contains(QStringLiteral("page %1 of %1").arg(pages)));
    }

    void hostileNamesAreEscapedAndIntact() {
        const QStringList args{QStringLiteral("--variants"), QStringLiteral("One,") + kVariant,
                               QStringLiteral("--p99"), QStringLiteral("200")};
        const QString html = report(m_hostile, QStringLiteral("hostile.html"), args);
        const QString pdf = report(m_hostile, QStringLiteral("hostile.pdf"), args);
        const QString csv = report(m_hostile, QStringLiteral("hostile.csv"), args);
        QVERIFY(!html.isEmpty() && !pdf.isEmpty() && !csv.isEmpty());

        QFile h(html);
        QVERIFY(h.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(h.readAll());
        QVERIFY(!page.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
        QVERIFY(page.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")));
        QVERIFY(page.contains(QStringLiteral("Ünïcødé &amp; &quot;quotes&quot;")));
        QVERIFY(page.contains(QStringLiteral("Two &lt;b&gt;&amp;")));
        QVERIFY(!page.contains(kVariant));

        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(kScript), qPrintable(text.left(2000)));
        QVERIFY(text.contains(kUnicode));
        // In the charts too: the legend of the latency chart and the utilisation chart's title.
        QVERIFY2(text.contains(kVariant + QStringLiteral(" p99")), qPrintable(text));
        QVERIFY(text.contains(kVariant + QStringLiteral(" at ")));

        QFile c(csv);
        QVERIFY(c.open(QIODevice::ReadOnly));
        const QString raw = QString::fromUtf8(c.readAll());
        QVERIFY(raw.contains(QStringLiteral("\"Ünïcødé & \"\"quotes\"\"\"")));
        bool script = false, unicode = false, workload = false;
        for (const QStringList &row : parseCsv(raw)) {
            QCOMPARE(row.size(), 11);
            script |= row[2] == kScript + QStringLiteral(" service time");
            unicode |= row[2] == kUnicode + QStringLiteral(" service time");
            workload |= row[0] == QLatin1String("compare") && row[2] == kUnicode;
        }
        QVERIFY(script && unicode && workload);
    }

    void csvEqualsCompareJson() {
        const QStringList args{
            QStringLiteral("--variants"), QStringLiteral("Monolith,Microservices"),
            QStringLiteral("--p99"),      QStringLiteral("400"),
            QStringLiteral("--rate"),     QStringLiteral("600")};
        const QString csv = report(m_example, QStringLiteral("shop.csv"), args);
        QVERIFY(!csv.isEmpty());
        const auto r =
            runCli(QStringList{QStringLiteral("compare"), m_example, QStringLiteral("--json")}
                   << args << kShort);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QStringList names;
        for (const QJsonValue &v : doc.value(QStringLiteral("variants")).toArray())
            names << v.toObject().value(QStringLiteral("name")).toString();

        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const std::vector<QStringList> rows = parseCsv(QString::fromUtf8(f.readAll()));
        QCOMPARE(rows.front(),
                 QStringList({"section", "metric", "subject", "variant", "value", "unit", "engine",
                              "ci95Low", "ci95High", "better", "significant"}));
        std::vector<QStringList> compare;
        for (const QStringList &row : rows)
            if (row[0] == QLatin1String("compare")) compare.push_back(row);
        const QJsonArray jsonRows = doc.value(QStringLiteral("rows")).toArray();
        QCOMPARE(qsizetype(compare.size()), jsonRows.size() * names.size());
        std::size_t k = 0;
        for (const QJsonValue &rv : jsonRows) {
            const QJsonObject row = rv.toObject();
            const QJsonArray values = row.value(QStringLiteral("values")).toArray();
            const QJsonArray ci = row.value(QStringLiteral("ci95")).toArray();
            for (int v = 0; v < names.size(); ++v, ++k) {
                const QStringList &c = compare[k];
                const QString where = QStringLiteral("%1 %2").arg(c[1], c[3]);
                QCOMPARE(c[1], row.value(QStringLiteral("metric")).toString());
                QCOMPARE(c[2], row.value(QStringLiteral("workload")).toString());
                QCOMPARE(c[3], names[v]);
                if (values[v].isDouble())
                    QVERIFY2(c[4].toDouble() == values[v].toDouble(), qPrintable(where));
                else
                    QCOMPARE(c[4], values[v].toString());
                QVERIFY2(!c[5].isEmpty(), qPrintable(where)); // every metric has a unit
                QCOMPARE(c[6], row.value(QStringLiteral("engine")).toString());
                if (!ci.isEmpty()) {
                    QVERIFY(c[7].toDouble() == ci[v].toArray().at(0).toDouble());
                    QVERIFY(c[8].toDouble() == ci[v].toArray().at(1).toDouble());
                }
                QCOMPARE(c[9], row.value(QStringLiteral("better")).toString());
                QCOMPARE(c[10], row.value(QStringLiteral("significant")).toBool()
                                    ? QStringLiteral("true")
                                    : QStringLiteral("false"));
            }
        }
    }

    void htmlMakesNoExternalRequest() {
        const QString html =
            report(m_example, QStringLiteral("shop.html"),
                   {QStringLiteral("--variants"), QStringLiteral("Monolith,Microservices"),
                    QStringLiteral("--p99"), QStringLiteral("400")});
        QVERIFY(!html.isEmpty());
        QFile f(html);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString page = QString::fromUtf8(f.readAll());
        // Every src and href is an embedded data: URI or a fragment.
        const QRegularExpression ref(QStringLiteral("(?:src|href)\\s*=\\s*\"([^\"]*)\""));
        int images = 0;
        for (auto it = ref.globalMatch(page); it.hasNext();) {
            const QString target = it.next().captured(1);
            QVERIFY2(target.startsWith(QLatin1String("data:")) ||
                         target.startsWith(QLatin1Char('#')),
                     qPrintable(target.left(80)));
            images += target.startsWith(QLatin1String("data:image/"));
        }
        QVERIFY(images >= 6); // tornado, two diagrams, latency, cost, utilisation, failures
        // Outside the embedded data no URL of any kind, not even in CSS.
        page.remove(QRegularExpression(QStringLiteral("data:[a-z/+]+;base64,[A-Za-z0-9+/=]*")));
        for (const QString &bad : {QStringLiteral("http:"), QStringLiteral("https:"),
                                   QStringLiteral("//"), QStringLiteral("url(")})
            QVERIFY2(!page.contains(bad, Qt::CaseInsensitive), qPrintable(bad));
    }

    void badInputIsRefused() {
        QCOMPARE(runCli({QStringLiteral("report"), m_example, QStringLiteral("--variants"),
                         QStringLiteral("Monolith,Microservices"), QStringLiteral("-o"),
                         m_dir.filePath(QStringLiteral("x.docx"))})
                     .exitCode,
                 2);
        const auto r = runCli({QStringLiteral("report"), m_example, QStringLiteral("--variants"),
                               QStringLiteral("Monolith,Nope"), QStringLiteral("-o"),
                               m_dir.filePath(QStringLiteral("x.pdf"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("Nope"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.pdf"))));
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
