import { PolicyCalcError } from '../engine/index.js';
import { defaultLang, type Lang } from '../cli/options.js';

/**
 * Inputs that hold no profile at all (an empty folder, an empty NDJSON file, nothing on stdin):
 * a usage error, exit 2, since a run that evaluated nothing must not pass a CI gate as green.
 */
/** In the language asked for with --lang, else that of the locale. */
export function noProfilesError(inputs: string[], asked: Lang | undefined): PolicyCalcError {
  const lang = asked ?? defaultLang();
  const shown = inputs.map((i) => (i === '-' ? (lang === 'zh' ? '标准输入' : 'stdin') : i)).join(lang === 'zh' ? '、' : ', ');
  const message =
    lang === 'zh'
      ? `在 ${shown} 中没有找到企业资料（文件夹中读取以 .json 结尾的文件；每行一份资料的文件以 .ndjson 或 .jsonl 结尾；工作簿以 .xlsx 结尾）`
      : `no profiles found in ${shown} (folders are searched for *.json files; files of one profile per line end in .ndjson or .jsonl; workbooks in .xlsx)`;
  return new PolicyCalcError('INPUT_UNREADABLE', [{ message }]);
}
