"""From survey answers to a network: the questionnaire, the tools' exports, names matched to
the roster, and the import that writes an orgnet data folder (see docs/survey.md)."""

from orgnet.survey.importer import SurveyImport, import_survey, write_import
from orgnet.survey.matching import RosterIndex, choice_label
from orgnet.survey.names import fold
from orgnet.survey.questions import QuestionSet, load_questions
from orgnet.survey.roster import read_roster

__all__ = ["SurveyImport", "import_survey", "read_roster", "write_import", "RosterIndex", "choice_label", "fold", "QuestionSet", "load_questions"]
