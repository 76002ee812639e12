from wagtail.admin.ui.tables import BaseColumn, Column


class SelectColumn(BaseColumn):
    """A checkbox per row; the queue's bulk-action form collects the checked task ids."""

    cell_template_name = "translation/cells/select.html"
    header_template_name = "translation/cells/select_header.html"


class ProgressColumn(Column):
    cell_template_name = "translation/cells/progress.html"


class StateColumn(Column):
    cell_template_name = "translation/cells/state.html"
