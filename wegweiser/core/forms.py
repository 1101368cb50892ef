from django.forms.renderers import TemplatesSetting


class KernFormRenderer(TemplatesSetting):
    """Renders every form with the KERN UX markup of our shared components."""

    form_template_name = "components/form.html"
    field_template_name = "components/field.html"
