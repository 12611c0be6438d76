"""Run the machine pre-review on files a department is preparing."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.review.checks.findings import Finding, blocking, needing_reason
from gongkai.review.checks.run import check_file, current_lists


class Command(BaseCommand):
    help = (
        "检查DOCX、PDF、XLSX、TXT、HTML文件中的个人信息（身份证号码、手机号码、"
        "银行卡号）、敏感表述和错别字，逐条列出类型、原文、位置和修改建议；"
        "发现错误时退出状态为1。"
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="要检查的文件")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="以JSON列表输出"
        )

    def handle(self, *args, files, as_json, **options):
        lists = current_lists()
        findings = []
        for name in files:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"文件不存在：{name}")
            for finding in check_file(
                name=path.name,
                data=path.read_bytes(),
                lists=lists,
                location=f"文件《{path.name}》",
            ):
                findings.append((str(path), finding))

        found = [finding for _file, finding in findings]
        error_count = len(blocking(found))
        if as_json:
            self.stdout.write(
                json.dumps(
                    [{"file": file, **finding.as_dict()} for file, finding in findings],
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            for finding in found:
                self.stdout.write(self._line(finding))
            self.stdout.write(
                f"共检查{len(files)}个文件：错误{error_count}处，"
                f"警告{len(needing_reason(found))}处。"
            )
        if error_count:
            raise CommandError(
                f"发现{error_count}处错误，请修改后再提交。", returncode=1
            )

    @staticmethod
    def _line(finding: Finding) -> str:
        suggestion = f" → 建议：{finding.suggestion}" if finding.suggestion else ""
        return (
            f"[{finding.severity_label}] {finding.kind_label}｜{finding.location}"
            f" 第{finding.offset + 1}字｜“{finding.text}”{suggestion}\n"
            f"    {finding.message}"
        )
